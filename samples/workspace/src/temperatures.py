"""Daily temperatures: select a line and run Complete Selection (Ctrl+Alt+Enter)."""


def average(values):
    """Return the mean of a list of numbers."""
    return sum(values) / len(values)


def warmest_day(readings):
    """Return the day with the highest temperature."""
    return max(readings, key=lambda day: readings[day])


readings = {"monday": 14.5, "tuesday": 17.0, "wednesday": 12.5}
print(average(list(readings.values())))
def coldest_day(readings):
        return this. */



}
}

}







}


}
}

export function size(self, 6),
    }
  }
  }
  return this.length - 1, blty(self, b