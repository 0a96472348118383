# UART2 sends a line; nothing comes back (RX is not wired).
# seconds: 0.5
# event: uart:2 tx "AT\r\n"
# stdout: None
from machine import UART

u = UART(2, baudrate=115200, tx=17, rx=16)
u.write(b"AT\r\n")
print(u.read())
