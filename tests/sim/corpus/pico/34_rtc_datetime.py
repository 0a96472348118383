# Set the RTC and read it back a second later.
# seconds: 2
# stdout: (2025, 3, 14, 4, 15, 9, 27, 0)
import time
from machine import RTC

rtc = RTC()
rtc.datetime((2025, 3, 14, 4, 15, 9, 26, 0))
time.sleep(1)
print(rtc.datetime())
