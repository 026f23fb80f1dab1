// The audits read HF_TOKEN and HF_TOKEN_PATH from the process environment, which the tests set: one at a time.
[assembly: DoNotParallelize]
