"""Drive a program through a pseudo-terminal as a person would: wait for
each expected text, then type its keys. Usage:

    drive.py STEPS_JSON PROGRAM ARGS...

STEPS_JSON is a list of [expected text, keys]. Prints everything the
program wrote (terminal escapes removed) and exits with its status; 99
when an expected text did not come within 30 seconds."""
import json, os, pty, re, select, sys, time

steps = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.environ["COLUMNS"] = "100"
    os.execv(sys.argv[2], sys.argv[2:])

seen = b""
def read(until):
    global seen
    while time.time() < until:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            seen += chunk
            return True
    return True

def plain(b):
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b.decode("utf-8", "replace"))

at = 0
for expected, keys in steps:
    deadline = time.time() + 30
    while expected not in plain(seen)[at:]:
        if time.time() > deadline or not read(deadline):
            sys.stdout.write(plain(seen))
            sys.stdout.write("\n[drive] never saw: %r\n" % expected)
            os.kill(pid, 9)
            sys.exit(99)
    at = plain(seen).index(expected, at) + len(expected)
    time.sleep(0.1)
    os.write(fd, keys.encode())
while read(time.time() + 30):
    pass
_, status = os.waitpid(pid, 0)
sys.stdout.write(plain(seen))
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8)
