"""Register models of the I2C sensors in kits: the MPU6050 accelerometer/gyroscope and the BMP280
barometer, answering from the scenario's curves at the instant of each read.

Both are register files behind a register pointer, as on the chips: a write sets the pointer
(its first byte) and stores the bytes after it; a read returns consecutive registers from the
pointer (or from the register ``readfrom_mem`` names). The MPU6050 says WHO_AM_I 0x68, sleeps
after power-up (PWR_MGMT_1 = 0x40: its data registers read 0 until a program wakes it), and
scales accelerations (g), rotations (°/s) and its temperature by the ranges the program chose
(ACCEL_CONFIG, GYRO_CONFIG). The BMP280 says chip id 0x58, holds a fixed realistic calibration
(the datasheet's example), measures in forced or normal mode only (0x80000 in its data registers
before the first measurement) and produces raw ADC values that the datasheet's compensation
formulas turn back into the scenario's °C and hPa.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from typing import Any

from app.sim.hal.inputs import interp

# ---- MPU6050 ------------------------------------------------------------------------------
MPU_WHO_AM_I, MPU_PWR_MGMT_1, MPU_ACCEL_CONFIG, MPU_GYRO_CONFIG = 0x75, 0x6B, 0x1C, 0x1B
MPU_ACCEL_OUT, MPU_TEMP_OUT, MPU_GYRO_OUT, MPU_INT_STATUS = 0x3B, 0x41, 0x43, 0x3A
ACCEL_LSB = (16384, 8192, 4096, 2048)  # per g, for ±2/4/8/16 g
GYRO_LSB = (131.0, 65.5, 32.8, 16.4)  # per °/s, for ±250/500/1000/2000 °/s

# ---- BMP280 (calibration: the datasheet's worked example) ----------------------------------
BMP_CHIP_ID, BMP_RESET, BMP_STATUS, BMP_CTRL_MEAS, BMP_CONFIG = 0xD0, 0xE0, 0xF3, 0xF4, 0xF5
BMP_PRESS, BMP_TEMP, BMP_CALIB = 0xF7, 0xFA, 0x88
BMP_T = (27504, 26435, -1000)
BMP_P = (36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000)
BMP_SKIPPED = 0x80000  # what the data registers hold before a measurement


def _s16(value: float) -> bytes:
    return struct.pack(">h", max(-32768, min(32767, int(round(value)))))


class RegisterDevice:
    """A chip answering reads from a 256-register file behind a pointer."""

    def __init__(self, curves: dict[str, Any]) -> None:
        self.curves = curves
        self.regs = bytearray(256)
        self.pointer = 0

    def write(self, reg: int, data: bytes, now: int) -> None:
        """``reg`` -1: a plain write (the first byte is the register); else ``writeto_mem``."""
        if reg < 0:
            if not data:
                return
            reg, data = data[0], data[1:]
        self.pointer = reg & 0xFF
        for byte in data:
            self.store(self.pointer, byte, now)
            self.pointer = (self.pointer + 1) & 0xFF

    def read(self, reg: int, n: int, now: int) -> bytes:
        if reg >= 0:
            self.pointer = reg & 0xFF
        self.refresh(now)
        out = bytes(self.regs[(self.pointer + i) & 0xFF] for i in range(n))
        self.pointer = (self.pointer + n) & 0xFF
        return out

    def store(self, reg: int, value: int, now: int) -> None:
        self.regs[reg] = value

    def refresh(self, now: int) -> None:
        """Put the measurements of instant ``now`` into the data registers."""

    def at(self, name: str, now: int, default: float) -> float:
        curve = self.curves.get(name)
        return default if curve is None else interp(curve, now)


class Mpu6050(RegisterDevice):
    """Accelerations in g (``ax ay az``), rotations in °/s (``gx gy gz``), ``c`` in °C."""

    def __init__(self, curves: dict[str, Any]) -> None:
        super().__init__(curves)
        self.regs[MPU_WHO_AM_I] = 0x68
        self.regs[MPU_PWR_MGMT_1] = 0x40  # asleep after power-up

    def store(self, reg: int, value: int, now: int) -> None:
        if reg == MPU_PWR_MGMT_1 and value & 0x80:  # DEVICE_RESET: back to power-up state
            self.regs[0x00:0x75] = bytes(0x75)
            self.regs[MPU_PWR_MGMT_1] = 0x40
            return
        if reg not in (MPU_WHO_AM_I,) and not MPU_ACCEL_OUT <= reg < MPU_GYRO_OUT + 6:
            self.regs[reg] = value  # data registers are read-only

    def refresh(self, now: int) -> None:
        if self.regs[MPU_PWR_MGMT_1] & 0x40:  # asleep: nothing measured
            self.regs[MPU_ACCEL_OUT:MPU_GYRO_OUT + 6] = bytes(14)
            return
        a_lsb = ACCEL_LSB[(self.regs[MPU_ACCEL_CONFIG] >> 3) & 3]
        g_lsb = GYRO_LSB[(self.regs[MPU_GYRO_CONFIG] >> 3) & 3]
        accel = b"".join(_s16(self.at(k, now, d) * a_lsb)
                         for k, d in (("ax", 0.0), ("ay", 0.0), ("az", 1.0)))
        temp = _s16((self.at("c", now, 25.0) - 36.53) * 340)
        gyro = b"".join(_s16(self.at(k, now, 0.0) * g_lsb) for k in ("gx", "gy", "gz"))
        self.regs[MPU_ACCEL_OUT:MPU_GYRO_OUT + 6] = accel + temp + gyro
        self.regs[MPU_INT_STATUS] = 0x01  # data ready


class Bmp280(RegisterDevice):
    """``c`` in °C and ``hpa`` in hPa."""

    def __init__(self, curves: dict[str, Any]) -> None:
        super().__init__(curves)
        self.regs[BMP_CALIB:BMP_CALIB + 24] = struct.pack("<Hhh", *BMP_T) + struct.pack(
            "<Hhhhhhhhh", *BMP_P)
        self.measured = False
        self.forced_at: int | None = None
        self._skipped()
        self.regs[BMP_CHIP_ID] = 0x58

    def _skipped(self) -> None:
        raw = bytes([BMP_SKIPPED >> 12, (BMP_SKIPPED >> 4) & 0xFF, (BMP_SKIPPED << 4) & 0xF0])
        self.regs[BMP_PRESS:BMP_PRESS + 3] = raw
        self.regs[BMP_TEMP:BMP_TEMP + 3] = raw

    def store(self, reg: int, value: int, now: int) -> None:
        if reg == BMP_RESET:
            if value == 0xB6:  # soft reset: measurement settings back to power-up
                self.regs[BMP_CTRL_MEAS] = self.regs[BMP_CONFIG] = 0
                self.measured, self.forced_at = False, None
                self._skipped()
            return
        if reg == BMP_CTRL_MEAS:
            self.regs[reg] = value
            if value & 3 in (1, 2):  # forced mode: one measurement now, then asleep again
                self.forced_at = now
                self.measure(now)
                self.regs[reg] = value & 0xFC
            return
        if reg in (BMP_CONFIG,):
            self.regs[reg] = value

    def refresh(self, now: int) -> None:
        if self.regs[BMP_CTRL_MEAS] & 3 == 3:  # normal mode: measuring all the time
            self.measure(now)

    def measure(self, now: int) -> None:
        ctrl = self.regs[BMP_CTRL_MEAS]
        if not ctrl >> 5:  # temperature oversampling 0: skipped (and no pressure without it)
            self._skipped()
            return
        adc_t, adc_p = raw_from(round(self.at("c", now, 20.0), 3),
                                round(self.at("hpa", now, 1013.25), 3))
        if not (ctrl >> 2) & 7:
            adc_p = BMP_SKIPPED
        for reg, adc in ((BMP_TEMP, adc_t), (BMP_PRESS, adc_p)):
            self.regs[reg:reg + 3] = bytes([adc >> 12, (adc >> 4) & 0xFF, (adc << 4) & 0xF0])
        self.measured = True


def compensate(adc_t: int, adc_p: int) -> tuple[float, float]:
    """The datasheet's integer compensation (°C, hPa) with the fixed calibration."""
    t1, t2, t3 = BMP_T
    p1, p2, p3, p4, p5, p6, p7, p8, p9 = BMP_P
    var1 = (((adc_t >> 3) - (t1 << 1)) * t2) >> 11
    var2 = (((((adc_t >> 4) - t1) * ((adc_t >> 4) - t1)) >> 12) * t3) >> 14
    t_fine = var1 + var2
    celsius = ((t_fine * 5 + 128) >> 8) / 100
    v1 = t_fine - 128000
    v2 = v1 * v1 * p6 + ((v1 * p5) << 17) + (p4 << 35)
    v1 = ((v1 * v1 * p3) >> 8) + ((v1 * p2) << 12)
    v1 = (((1 << 47) + v1) * p1) >> 33
    if v1 == 0:
        return celsius, 0.0
    p = 1048576 - adc_p
    p = (((p << 31) - v2) * 3125) // v1
    v1 = (p9 * (p >> 13) * (p >> 13)) >> 25
    v2 = (p8 * p) >> 19
    p = ((p + v1 + v2) >> 8) + (p7 << 4)
    return celsius, p / 256 / 100


@lru_cache(maxsize=512)
def raw_from(celsius: float, hpa: float) -> tuple[int, int]:
    """The raw 20-bit ADC values that compensate to ``celsius`` and ``hpa`` (nearest; two binary
    searches, ~0.1 ms: cached, as a program polling a steady sensor asks the same again)."""
    lo, hi = 0, (1 << 20) - 1
    while lo < hi:  # temperature grows with adc_T
        mid = (lo + hi) // 2
        if compensate(mid, 0x80000)[0] < celsius:
            lo = mid + 1
        else:
            hi = mid
    adc_t = lo
    lo, hi = 0, (1 << 20) - 1
    while lo < hi:  # pressure falls as adc_P grows
        mid = (lo + hi) // 2
        if compensate(adc_t, mid)[1] > hpa:
            lo = mid + 1
        else:
            hi = mid
    return adc_t, lo
