import CFuzzerDriver
import Glibc

// libFuzzer's loop over fuzzListing(_:_:) with this process's arguments (-max_total_time=… CORPUS…).
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzListing))
