# scenario: {"seconds": 3}
# expect: {"stdout": ["True ('b5:1', 'e6:3')"]}
import music

print(len(music.NYAN) > 50, music.BA_DING)
