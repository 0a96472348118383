# SPI(1) (HSPI) transfers are recorded.
# seconds: 0.5
# event: spi:1 write a5
from machine import SPI, Pin

spi = SPI(1, baudrate=4000000, polarity=0, phase=0, sck=Pin(14), mosi=Pin(13), miso=Pin(12))
spi.write(bytes([0xA5]))
