# Measure elapsed time with ticks_ms/ticks_diff.
# seconds: 1
# stdout: 250
import time

start = time.ticks_ms()
time.sleep_ms(250)
print(time.ticks_diff(time.ticks_ms(), start))
