from machine import Pin, time_pulse_us
import time

trig = Pin(3, Pin.OUT)
echo = Pin(2, Pin.IN)
alarm = Pin(15, Pin.OUT)

def distance_cm():
    return 100

while True:
    time.sleep_ms(100)
