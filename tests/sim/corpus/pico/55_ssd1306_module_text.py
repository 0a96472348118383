# The kit's ssd1306 driver (copied onto the board in the lesson's first step) writes a title and
# a bar on a 128x64 OLED; the board picture shows it.
# seconds: 1
# scenario: {"devices": [{"type": "ssd1306"}]}
# stdout: [60]
# stdout: ok
# events-min: oled:3c frame 2
# api-clean
from machine import Pin, I2C
import ssd1306

i2c = I2C(0, scl=Pin(5), sda=Pin(4), freq=400000)
print(i2c.scan())
oled = ssd1306.SSD1306_I2C(128, 64, i2c)
oled.text("Temperatura", 0, 0)
oled.fill_rect(0, 20, 90, 8, 1)
oled.show()
print("ok")
