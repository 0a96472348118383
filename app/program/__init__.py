"""The programme staff's area: the programme across schools, levels and districts."""
