# Correct, another style: a player that repeats the melody forever, scheduled with time.ticks_ms();
# each note is 300 ms of sound followed by 40 ms of silence.
from machine import Pin, PWM
import time

NOTES = [262, 294, 330, 349, 392]
buzzer = PWM(Pin(16))
index = 0
sounding = False
due = time.ticks_ms()
while True:
    if time.ticks_diff(time.ticks_ms(), due) >= 0:
        if sounding:
            buzzer.duty_u16(0)
            due = time.ticks_add(due, 40)
            index = (index + 1) % len(NOTES)
        else:
            buzzer.freq(NOTES[index])
            buzzer.duty_u16(32768)
            due = time.ticks_add(due, 300)
        sounding = not sounding
    time.sleep_ms(2)
