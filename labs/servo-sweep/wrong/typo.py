# Wrong: jumps between three angles without sweeping, then passes the undefined name `angle` to duty_u16 (NameError).
from machine import Pin, PWM
import time
servo = PWM(Pin(15))
servo.freq(50)
while True:
    servo.duty_u16(1638)
    time.sleep_ms(500)
    servo.duty_u16(8192)
    time.sleep_ms(500)
    servo.duty_u16(4915)
    time.sleep_ms(500)
    servo.duty_u16(angle)
