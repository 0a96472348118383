# With a jumper from GP0 (TX) to GP1 (RX) a UART reads back what it sends (works on a Pico).
# seconds: 1
# known-gap: scenarios cannot wire a UART's TX to its RX yet
# stdout: b'ping\n'
from machine import UART, Pin
import time

u = UART(0, 9600, tx=Pin(0), rx=Pin(1))
u.write("ping\n")
time.sleep_ms(20)
print(u.readline())
