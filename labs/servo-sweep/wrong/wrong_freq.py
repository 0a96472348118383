# Wrong: drives the servo at 1000 Hz; a servo needs 50 Hz (one pulse every 20 ms).
from machine import Pin, PWM
import time
servo = PWM(Pin(15))
servo.freq(1000)
while True:
    for d in range(0, 181, 10):
        servo.duty_u16((500 + d * 2000 // 180) * 65535 // 20000)
        time.sleep_ms(40)
