# Two LEDs blinking at different rates with asyncio tasks (runs on a Pico).
# seconds: 2
# events-min: pin:14 value 4
# events-min: pin:15 value 8
import asyncio
from machine import Pin

async def blink(pin, ms):
    led = Pin(pin, Pin.OUT)
    while True:
        led.toggle()
        await asyncio.sleep_ms(ms)

async def main():
    asyncio.create_task(blink(14, 400))
    asyncio.create_task(blink(15, 200))
    await asyncio.sleep(10)

asyncio.run(main())
