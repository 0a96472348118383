# Correct, another style: table-driven. The message is written as dots and dashes, with a space
# between letters and a slash at the end of the word; a table gives how long each one lasts.
from machine import Pin
import time

led = Pin("LED", Pin.OUT)
MESSAGE = "... --- .../"
ON = {".": 200, "-": 600}
EXTRA_OFF = {" ": 400, "/": 1200}   # added to the 200 ms that follows every signal

while True:
    for symbol in MESSAGE:
        if symbol in ON:
            led.value(1)
            time.sleep_ms(ON[symbol])
            led.value(0)
            time.sleep_ms(200)
        else:
            time.sleep_ms(EXTRA_OFF[symbol])
