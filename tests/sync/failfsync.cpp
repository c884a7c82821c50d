/* LD_PRELOAD shim for the fsync tests: fsync(2) fails with EIO for the one path named
 * by KIOSK_FAIL_FSYNC (or for every path below it when the value ends with '/'), as a
 * disk with a write error would; every other fsync is the real one. Lets the tests run
 * the real catalog-sync tool against a disk that cannot flush, without a seam in it. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern "C" int fsync(int fd)
{
    static int (*real)(int) = nullptr;
    if (!real)
        real = reinterpret_cast<int (*)(int)>(dlsym(RTLD_NEXT, "fsync"));
    const char *match = getenv("KIOSK_FAIL_FSYNC");
    if (match && *match) {
        char link[64], path[4096];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        const ssize_t n = readlink(link, path, sizeof path - 1);
        if (n > 0) {
            path[n] = '\0';
            const size_t m = strlen(match);
            const int below = match[m - 1] == '/';
            if ((below && strncmp(path, match, m) == 0) || (!below && strcmp(path, match) == 0)) {
                errno = EIO;
                return -1;
            }
        }
    }
    return real(fd);
}
