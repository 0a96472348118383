# Style: a Timer samples the button every 10 ms; two equal readings in a row make a stable
# state, and the LED toggles when the stable state goes from released to pressed.
from machine import Pin, Timer

button = Pin(14, Pin.IN, Pin.PULL_UP)
led = Pin(15, Pin.OUT)
state = {"last": 1, "stable": 1}


def sample(timer):
    now = button.value()
    if now == state["last"] and now != state["stable"]:
        state["stable"] = now
        if now == 0:
            led.toggle()
    state["last"] = now


Timer(period=10, mode=Timer.PERIODIC, callback=sample)
