// Dense arrays: indexed reads and writes, push, small-integer arithmetic, a sieve.
const n = 2000000
const sieve = new Array(n + 1).fill(true)
sieve[0] = sieve[1] = false
for (let i = 2; i * i <= n; i++)
    if (sieve[i]) for (let j = i * i; j <= n; j += i) sieve[j] = false
const primes = []
for (let i = 0; i <= n; i++) if (sieve[i]) primes.push(i)
let sum = 0
for (let i = 0; i < primes.length; i++) sum = (sum + primes[i] * 3) % 1000003
console.log(primes.length, sum)
