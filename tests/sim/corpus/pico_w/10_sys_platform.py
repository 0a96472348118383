# sys.platform on the Pico W is rp2.
# seconds: 0.5
# stdout: rp2
import sys
print(sys.platform)
