from machine import Pin, time_pulse_us
import time

trig = Pin(3, Pin.OUT)
echo = Pin(2, Pin.IN)
alarm = Pin(15, Pin.OUT)

def distance_cm():
    trig.off()
    time.sleep_us(2)
    trig.on()
    time.sleep_us(10)
    trig.off()
    us = time_pulse_us(echo, 1, 30000)
    return us / 58 if us > 0 else 999

while True:
    alarm.value(distance_cm() < 20)
    time.sleep_ms(100)
