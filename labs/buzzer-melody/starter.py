from machine import Pin, PWM
import time

buzzer = PWM(Pin(16))
NOTES = [262, 294, 330, 349, 392]
# Suona ogni nota / Play each note
