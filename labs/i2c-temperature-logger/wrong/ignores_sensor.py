# Wrong: ignores the sensor: prints a made-up temperature every second without reading it.
import time
t = 20.0
while True:
    print("T=%.2f" % t)
    t += 0.5
    time.sleep(1)
