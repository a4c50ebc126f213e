#!/usr/bin/env python3
"""extract.py — re-create the seed samples (samples/*_00N.js) from ../shared/seeds.

    python3 samples/tools/extract.py [SEEDS_DIR]     (default: ../shared/seeds beside the repo)

Each entry names a seed file, the 1-based line range of one code example in it, how many
columns of Markdown list indentation to strip, and an optional first-line comment saying
what was changed (only for examples that had to be split or completed). The code itself
is copied byte for byte: semicolons, typos and trailing blanks included. samples/README.md
lists the examples that are not runnable programs and were left out, and why.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)  # samples/
SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(OUT, '..', '..', 'shared', 'seeds')

S0 = '000_0c8de5d043752148.txt'
S1 = '001_b3207c368d3141e1.txt'
S2 = '002_17cf56fe6fcc0d30.txt'
S3 = '003_2c4bd710608b64c3.txt'
S4 = '004_b0628a78efd876ec.txt'

# (sample name, seed file, first line, last line, dedent, header comment or None)
SAMPLES = [
    ('await_async_fn_vs_then_chain_000', S0, 3, 38, 0, None),
    ('await_async_fn_returning_then_chain_000', S0, 43, 82, 0, None),
    ('await_never_resolved_promise_000', S0, 88, 104, 0,
     '// tickscope sample: seed 000 lines 88-104, the first half of a code block that holds two programs.'),
    ('await_resolved_new_promise_000', S0, 106, 125, 0,
     '// tickscope sample: seed 000 lines 106-125, the second half of a code block that holds two programs.'),
    ('await_async_fn_vs_then_chain_001', S1, 6, 40, 0, None),
    ('resolve_with_promise_resolve_001', S1, 52, 59, 0, None),
    ('await_async_fn_vs_then_chain_no_script_log_002', S2, 28, 48, 0, None),
    ('await_async_fn_vs_then_chain_002', S2, 56, 83, 0, None),
    ('toutiao_interview_puzzle_003', S3, 8, 33, 0, None),
    ('then_chain_callbacks_queued_one_by_one_003', S3, 142, 149, 5,
     "// tickscope sample: seed 003 lines 140-151, a fragment completed by dropping its '...' lines."),
    ('await_desugared_new_promise_resolve_003', S3, 199, 233, 3, None),
    ('await_typo_aysnc2_reference_error_003', S3, 255, 271, 0, None),
    ('await_empty_async_fn_then_chain_003', S3, 394, 408, 0, None),
    ('await_desugared_es2019_direct_then_003', S3, 561, 584, 0, None),
    ('await_desugared_es2017_resolve_thenable_003', S3, 590, 615, 0, None),
    ('resolve_thenable_object_003', S3, 627, 650, 2, None),
    ('resolve_nested_promise_003', S3, 675, 694, 2, None),
    ('async_return_value_then_004', S4, 7, 27, 0, None),
    ('two_timers_with_microtasks_004', S4, 55, 88, 0, None),
]


def main():
    for name, seed, first, last, dedent, header in SAMPLES:
        with open(os.path.join(SEEDS, seed), encoding='utf-8') as f:
            lines = f.read().split('\n')[first - 1:last]
        out = []
        for line in lines:
            if dedent and line[:dedent].strip() == '':
                line = line[dedent:]
            out.append(line)
        text = ('\n'.join(([header] if header else []) + out)).rstrip('\n') + '\n'
        with open(os.path.join(OUT, name + '.js'), 'w', encoding='utf-8') as f:
            f.write(text)
        print(name + '.js')


if __name__ == '__main__':
    main()
