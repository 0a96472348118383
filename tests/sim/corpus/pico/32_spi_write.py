# SPI0 writes two bytes and reads back what MISO carries (0xFF: no device drives it).
# seconds: 0.5
# stdout: b'\xff\xff'
# event: spi:0 write 9f01
from machine import SPI, Pin

spi = SPI(0, baudrate=1_000_000, sck=Pin(18), mosi=Pin(19), miso=Pin(16))
cs = Pin(17, Pin.OUT, value=1)
cs(0)
spi.write(b"\x9f\x01")
print(spi.read(2))
cs(1)
