# Segui-linea proporzionale con tre sensori IR analogici (robot Maker Pi RP2040).
# Proportional line follower with three analog IR sensors (Maker Pi RP2040 robot).
from machine import Pin, PWM, ADC
import time

left_fwd = PWM(Pin(8), freq=1000)
left_back = PWM(Pin(9), freq=1000)
right_fwd = PWM(Pin(10), freq=1000)
right_back = PWM(Pin(11), freq=1000)
left_eye = ADC(26)     # valore alto = linea scura / high value = dark line
centre_eye = ADC(27)
right_eye = ADC(28)

BASE = 40000    # duty con la linea dritta davanti / duty when the line is straight ahead
GAIN = 26000    # quanto sterzare con l'errore massimo / how hard to steer for a full error
last_error = 0


def clamp(duty):
    return max(0, min(65535, int(duty)))


while True:
    left = left_eye.read_u16()
    centre = centre_eye.read_u16()
    right = right_eye.read_u16()
    # DA FARE: calcola l'errore dalle tre letture e sterza in proporzione
    # TODO: compute the error from the three readings and steer in proportion
    left_fwd.duty_u16(BASE)
    right_fwd.duty_u16(BASE)
    time.sleep_ms(10)
