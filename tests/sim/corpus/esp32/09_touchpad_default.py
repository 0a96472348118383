# A touch pad nobody touches reads a high value.
# seconds: 0.5
# stdout: True
from machine import TouchPad, Pin

t = TouchPad(Pin(4))
print(t.read() > 300)
