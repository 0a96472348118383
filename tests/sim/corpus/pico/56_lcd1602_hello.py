# Kit lesson "LCD 1602 con modulo I2C": the lcd_api/i2c_lcd driver (4-bit nibbles through the
# PCF8574, one E pulse each) writes two lines; the board picture shows them.
# seconds: 1
# scenario: {"devices": [{"type": "lcd1602", "address": 39}]}
# stdout: [39]
# stdout: fatto
# events-min: lcd:27 frame 3
from machine import I2C, Pin
import time

RS, E, BACKLIGHT = 0x01, 0x04, 0x08


class I2cLcd:
    def __init__(self, i2c, addr, rows, cols):
        self.i2c, self.addr, self.rows, self.cols = i2c, addr, rows, cols
        self.light = BACKLIGHT
        self.i2c.writeto(addr, bytes([0]))
        time.sleep_ms(20)
        for _ in range(3):
            self._init_nibble(0x30)
            time.sleep_ms(5)
        self._init_nibble(0x20)  # 4-bit mode from now on
        time.sleep_ms(1)
        self.command(0x28)  # two lines, 5x8 dots
        self.command(0x0C)  # display on, cursor off
        self.command(0x06)  # cursor moves right
        self.clear()

    def _pulse(self, byte):
        self.i2c.writeto(self.addr, bytes([byte | E]))
        self.i2c.writeto(self.addr, bytes([byte]))

    def _init_nibble(self, value):
        self._pulse(value & 0xF0)

    def _send(self, value, mode):
        self._pulse(mode | self.light | (value & 0xF0))
        self._pulse(mode | self.light | ((value << 4) & 0xF0))

    def command(self, cmd):
        self._send(cmd, 0)
        if cmd <= 3:
            time.sleep_ms(5)

    def clear(self):
        self.command(0x01)

    def move_to(self, col, row):
        self.command(0x80 | (col + (0x40 if row else 0)))

    def putstr(self, text):
        for ch in text:
            self._send(0xDF if ch == "\u00b0" else ord(ch), RS)


i2c = I2C(0, scl=Pin(1), sda=Pin(0), freq=100000)
print(i2c.scan())
lcd = I2cLcd(i2c, 0x27, 2, 16)
lcd.putstr("Ciao Officina!")
lcd.move_to(0, 1)
lcd.putstr("Temp: 21.5\u00b0C")
print("fatto")
