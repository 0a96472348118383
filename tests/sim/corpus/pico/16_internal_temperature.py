# The RP2040's internal temperature sensor on ADC 4.
# seconds: 0.5
# scenario: {"board_temperature": 27}
# stdout-has: 27
from machine import ADC

sensor = ADC(4)
volts = sensor.read_u16() * 3.3 / 65535
celsius = 27 - (volts - 0.706) / 0.001721
print(round(celsius))
