/* spawn.c — see spawn.h. posix_spawn with the child's stdout on /dev/null and its
 * stderr on a pipe that the parent reads to the end before waiting, so a child that
 * writes a lot cannot block. */
#include "analyzer/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/util.h"

extern char **environ;

static char *errmsg(const char *what, int e) {
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "%s: %s", what, strerror(e));
    char *s = strbuf_take(&sb, NULL);
    strbuf_fini(&sb);
    return s;
}

bool spawn_self(const char *const *args, SpawnResult *res, char **err) {
    *err = NULL;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        *err = errmsg("cannot find this program (/proc/self/exe)", errno);
        return false;
    }
    exe[n] = '\0';
    size_t nargs = 0;
    while (args[nargs])
        nargs++;
    char **argv = xmalloc((nargs + 2) * sizeof *argv);
    argv[0] = exe;
    for (size_t i = 0; i < nargs; i++)
        argv[i + 1] = (char *)args[i]; /* posix_spawn does not write to them */
    argv[nargs + 1] = NULL;

    int fds[2];
    if (pipe(fds) != 0) {
        free(argv);
        *err = errmsg("cannot create a pipe", errno);
        return false;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    pid_t pid;
    fflush(NULL);
    int rc = posix_spawn(&pid, exe, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    free(argv);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        *err = errmsg("cannot start `trace run`", rc);
        return false;
    }
    strbuf_init(&res->err);
    char buf[4096];
    for (;;) {
        ssize_t got = read(fds[0], buf, sizeof buf);
        if (got > 0)
            strbuf_put(&res->err, buf, (size_t)got);
        else if (got == 0 || errno != EINTR)
            break;
    }
    close(fds[0]);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) {
            *err = errmsg("cannot wait for `trace run`", errno);
            strbuf_fini(&res->err);
            return false;
        }
    }
    res->signaled = WIFSIGNALED(st);
    res->status = res->signaled ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
    return true;
}

char *spawn_temp_path(const char *tag) {
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_printf(&sb, "%s/tickscope-%s-XXXXXX.yaml", dir, tag);
    char *path = strbuf_take(&sb, NULL);
    strbuf_fini(&sb);
    int fd = mkstemps(path, 5);
    if (fd < 0) {
        int e = errno;
        free(path);
        errno = e;
        return NULL;
    }
    close(fd);
    return path;
}
