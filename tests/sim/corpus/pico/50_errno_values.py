# errno numbers as on the board's firmware.
# seconds: 0.5
# stdout: 5 19 2 110
import errno

print(errno.EIO, errno.ENODEV, errno.ENOENT, errno.ETIMEDOUT)
