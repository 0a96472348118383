# sys.platform names the port.
# seconds: 0.5
# stdout: rp2
import sys

print(sys.platform)
