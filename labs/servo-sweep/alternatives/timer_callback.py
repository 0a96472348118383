# Correct, another style: a Timer moves the servo by 6° every 30 ms from a callback; the main
# program has nothing else to do.
from machine import Pin, PWM, Timer

servo = PWM(Pin(15))
servo.freq(50)
state = [0, 6]  # angle, step


def move(timer):
    angle, step = state
    if not 0 <= angle + step <= 180:
        step = -step
    angle += step
    state[0], state[1] = angle, step
    servo.duty_u16((500 + angle * 2000 // 180) * 65535 // 20000)


servo.duty_u16(500 * 65535 // 20000)
Timer(period=30, mode=Timer.PERIODIC, callback=move)
