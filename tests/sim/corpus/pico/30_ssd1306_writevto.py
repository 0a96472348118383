# A minimal SSD1306 driver sends each frame with writevto (control byte + frame buffer).
# seconds: 1
# scenario: {"devices": [{"type": "ssd1306"}]}
# stdout: [60]
# stdout: disegnato
# events-min: i2c:0 write 3
import framebuf
from machine import I2C, Pin

class SSD1306:
    def __init__(self, width, height, i2c, addr=0x3C):
        self.i2c = i2c
        self.addr = addr
        self.buffer = bytearray(width * height // 8)
        self.fb = framebuf.FrameBuffer(self.buffer, width, height, framebuf.MONO_VLSB)
        for cmd in (0xAE, 0x20, 0x00, 0xAF):
            self.write_cmd(cmd)

    def write_cmd(self, cmd):
        self.i2c.writeto(self.addr, bytearray([0x80, cmd]))

    def show(self):
        self.i2c.writevto(self.addr, [b"\x40", self.buffer])

i2c = I2C(0, scl=Pin(9), sda=Pin(8))
print(i2c.scan())
oled = SSD1306(128, 64, i2c)
oled.fb.text("Ciao", 0, 0, 1)
oled.show()
print("disegnato")
