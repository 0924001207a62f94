"""Run one measured command and say what it cost, for bench/city.py (`_run`), which starts
every command it measures through this small process, so that a command's peak memory is its
own.

Linux counts a process's peak resident memory from the memory it began in: a command started
by the benchmark itself (by vfork, as `subprocess` starts one) begins inside the benchmark's
memory, which grows as the benchmark builds the cities and signs their items (to 140 MB and
more), and that would be the command's peak, whatever the command used. Started from here, it
begins in this process's 10 MB (`-I -S`: the standard library alone), under any command's own.

Usage: python -I -S launch.py COMMAND...: runs COMMAND with this environment, its output
discarded and its errors on this process's; prints `seconds peak_mb cpu_seconds exit_code`
(the processor time with that of the processes it waited for).
"""

import os
import subprocess
import sys
import time


def main() -> None:
    start = time.perf_counter()
    process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    print(f"{seconds} {usage.ru_maxrss / 1024} {cpu} {code}")


if __name__ == "__main__":
    main()
