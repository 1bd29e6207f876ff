import Signals
import Detect
