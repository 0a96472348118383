# asyncio on a Pico W: one task tries the Wi-Fi (out of reach), another blinks the LED meanwhile.
# seconds: 5
# stdout: connessione...
# stdout: niente rete, continuo offline
# events-min: pin:LED value 6
import asyncio
import network
from machine import Pin

async def blink(led):
    while True:
        led.toggle()
        await asyncio.sleep_ms(250)

async def connect(wlan):
    print("connessione...")
    wlan.active(True)
    wlan.connect("scuola", "password")
    for _ in range(8):
        if wlan.isconnected():
            return True
        await asyncio.sleep(0.5)
    return False

async def main():
    asyncio.create_task(blink(Pin("LED", Pin.OUT)))
    if not await connect(network.WLAN(network.STA_IF)):
        print("niente rete, continuo offline")
    await asyncio.sleep(1)

asyncio.run(main())
