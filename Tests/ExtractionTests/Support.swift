import Foundation
import TestSupport

/// The checkout's Rules folder (TestSupport's, for this target's files).
let shippedRules = Checkout.rules
