# MicroPython source (runs INSIDE the sandbox). The display drivers a kit's lesson copies onto the
# board: `ssd1306` (the API of micropython-lib's driver: SSD1306_I2C / SSD1306_SPI) and `sh1106`
# (SH1106_I2C / SH1106_SPI, the API of the common community driver). Written for Officina: they
# draw with framebuf and send commands and the frame over the bus, as the real drivers do, so the
# host's display model sees exactly what a display would.
import framebuf

_SET_CONTRAST = 0x81
_SET_ENTIRE_ON = 0xA4
_SET_NORM_INV = 0xA6
_SET_DISP = 0xAE
_SET_MEM_ADDR = 0x20
_SET_COL_ADDR = 0x21
_SET_PAGE_ADDR = 0x22
_SET_DISP_START_LINE = 0x40
_SET_SEG_REMAP = 0xA0
_SET_MUX_RATIO = 0xA8
_SET_COM_OUT_DIR = 0xC0
_SET_DISP_OFFSET = 0xD3
_SET_COM_PIN_CFG = 0xDA
_SET_DISP_CLK_DIV = 0xD5
_SET_PRECHARGE = 0xD9
_SET_VCOM_DESEL = 0xDB
_SET_CHARGE_PUMP = 0x8D


class SSD1306(framebuf.FrameBuffer):
    def __init__(self, width, height, external_vcc):
        self.width = width
        self.height = height
        self.external_vcc = external_vcc
        self.pages = self.height // 8
        self.buffer = bytearray(self.pages * self.width)
        super().__init__(self.buffer, self.width, self.height, framebuf.MONO_VLSB)
        self.init_display()

    def init_display(self):
        for cmd in (
            _SET_DISP, _SET_MEM_ADDR, 0x00, _SET_DISP_START_LINE, _SET_SEG_REMAP | 0x01,
            _SET_MUX_RATIO, self.height - 1, _SET_COM_OUT_DIR | 0x08, _SET_DISP_OFFSET, 0x00,
            _SET_COM_PIN_CFG, 0x02 if self.width > 2 * self.height else 0x12,
            _SET_DISP_CLK_DIV, 0x80, _SET_PRECHARGE, 0x22 if self.external_vcc else 0xF1,
            _SET_VCOM_DESEL, 0x30, _SET_CONTRAST, 0xFF, _SET_ENTIRE_ON, _SET_NORM_INV,
            _SET_CHARGE_PUMP, 0x10 if self.external_vcc else 0x14, _SET_DISP | 0x01,
        ):
            self.write_cmd(cmd)
        self.fill(0)
        self.show()

    def poweroff(self):
        self.write_cmd(_SET_DISP)

    def poweron(self):
        self.write_cmd(_SET_DISP | 0x01)

    def contrast(self, contrast):
        self.write_cmd(_SET_CONTRAST)
        self.write_cmd(contrast)

    def invert(self, invert):
        self.write_cmd(_SET_NORM_INV | (invert & 1))

    def rotate(self, rotate):
        self.write_cmd(_SET_COM_OUT_DIR | ((rotate & 1) << 3))
        self.write_cmd(_SET_SEG_REMAP | (rotate & 1))

    def show(self):
        x0, x1 = 0, self.width - 1
        if self.width != 128:  # narrower displays are centred in the 128 columns
            col_offset = (128 - self.width) // 2
            x0 += col_offset
            x1 += col_offset
        for cmd in (_SET_COL_ADDR, x0, x1, _SET_PAGE_ADDR, 0, self.pages - 1):
            self.write_cmd(cmd)
        self.write_data(self.buffer)


class SSD1306_I2C(SSD1306):
    def __init__(self, width, height, i2c, addr=0x3C, external_vcc=False):
        self.i2c = i2c
        self.addr = addr
        self.temp = bytearray(2)
        self.write_list = [b"\x40", None]  # Co=0, D/C#=1
        super().__init__(width, height, external_vcc)

    def write_cmd(self, cmd):
        self.temp[0] = 0x80  # Co=1, D/C#=0
        self.temp[1] = cmd
        self.i2c.writeto(self.addr, self.temp)

    def write_data(self, buf):
        self.write_list[1] = buf
        self.i2c.writevto(self.addr, self.write_list)


class SSD1306_SPI(SSD1306):
    def __init__(self, width, height, spi, dc, res, cs, external_vcc=False):
        self.rate = 10 * 1024 * 1024
        dc.init(dc.OUT, value=0)
        res.init(res.OUT, value=0)
        cs.init(cs.OUT, value=1)
        self.spi = spi
        self.dc = dc
        self.res = res
        self.cs = cs
        import time
        self.res(1)
        time.sleep_ms(1)
        self.res(0)
        time.sleep_ms(10)
        self.res(1)
        super().__init__(width, height, external_vcc)

    def write_cmd(self, cmd):
        self.cs(1)
        self.dc(0)
        self.cs(0)
        self.spi.write(bytearray([cmd]))
        self.cs(1)

    def write_data(self, buf):
        self.cs(1)
        self.dc(1)
        self.cs(0)
        self.spi.write(buf)
        self.cs(1)


class SH1106(framebuf.FrameBuffer):
    def __init__(self, width, height, external_vcc, rotate=0):
        self.width = width
        self.height = height
        self.external_vcc = external_vcc
        self.flip_en = rotate == 180 or rotate == 270
        self.pages = self.height // 8
        self.buffer = bytearray(self.pages * self.width)
        super().__init__(self.buffer, self.width, self.height, framebuf.MONO_VLSB)
        self.init_display()

    def init_display(self):
        self.fill(0)
        self.poweron()
        self.flip(self.flip_en)
        self.show()

    def poweroff(self):
        self.write_cmd(_SET_DISP)

    def poweron(self):
        self.write_cmd(_SET_DISP | 0x01)

    def sleep(self, value):
        self.write_cmd(_SET_DISP | (not value))

    def flip(self, flag=None, update=True):
        if flag is None:
            flag = not self.flip_en
        self.flip_en = flag
        self.write_cmd(_SET_SEG_REMAP | (0x00 if flag else 0x01))
        self.write_cmd(_SET_COM_OUT_DIR | (0x00 if flag else 0x08))
        if update:
            self.show()

    def contrast(self, contrast):
        self.write_cmd(_SET_CONTRAST)
        self.write_cmd(contrast)

    def invert(self, invert):
        self.write_cmd(_SET_NORM_INV | (invert & 1))

    def show(self, full_update=False):
        for page in range(self.pages):
            self.write_cmd(0xB0 | page)
            self.write_cmd(0x02)  # the 128 shown columns start at column 2 of the SH1106's 132
            self.write_cmd(0x10)
            self.write_data(self.buffer[self.width * page:self.width * (page + 1)])


class SH1106_I2C(SH1106):
    def __init__(self, width, height, i2c, res=None, addr=0x3C, rotate=0, external_vcc=False, delay=0):
        self.i2c = i2c
        self.addr = addr
        self.res = res
        self.temp = bytearray(2)
        super().__init__(width, height, external_vcc, rotate)

    def write_cmd(self, cmd):
        self.temp[0] = 0x80
        self.temp[1] = cmd
        self.i2c.writeto(self.addr, self.temp)

    def write_data(self, buf):
        self.i2c.writeto(self.addr, b"\x40" + buf)


def apis():
    # The `ssd1306` and `sh1106` modules the board's boot installs at their first import.
    return ({"SSD1306": SSD1306, "SSD1306_I2C": SSD1306_I2C, "SSD1306_SPI": SSD1306_SPI,
             "framebuf": framebuf, "const": lambda x: x},
            {"SH1106": SH1106, "SH1106_I2C": SH1106_I2C, "framebuf": framebuf})
