# Wrong: jumps straight from 0° to 180° and back, without sweeping through the angles in between.
from machine import Pin, PWM
import time

servo = PWM(Pin(15))
servo.freq(50)
while True:
    servo.duty_u16(500 * 65535 // 20000)
    time.sleep_ms(800)
    servo.duty_u16(2500 * 65535 // 20000)
    time.sleep_ms(800)
