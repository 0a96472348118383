# SoftSPI on any pins: write_readinto fills the buffer with what MISO carried.
# seconds: 0.5
# stdout: bytearray(b'\xff\xff\xff')
from machine import SoftSPI, Pin

spi = SoftSPI(baudrate=100000, polarity=0, phase=0, sck=Pin(2), mosi=Pin(3), miso=Pin(4))
buf = bytearray(3)
spi.write_readinto(b"\x01\x02\x03", buf)
print(buf)
