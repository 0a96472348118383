# Send lines on UART0 (GP0/GP1); nothing wired to RX, so nothing comes back.
# seconds: 1
# event: uart:0 tx "ciao\n"
# stdout: 0
from machine import UART, Pin

uart = UART(0, baudrate=9600, tx=Pin(0), rx=Pin(1))
uart.write("ciao\n")
print(uart.any())
