"""The Jupyter project's kernel conformance suite (Debian's python3-jupyter-kernel-test) against lectures-csharp.

Started by ConformanceTests.cs with JUPYTER_PATH pointing at a temporary kernelspec; run by hand with
`JUPYTER_PATH=PREFIX/share/jupyter python3 -m unittest -v kernel_conformance` after
`lectures kernel install --prefix PREFIX`.
"""
import unittest

import jupyter_kernel_test


class LecturesCSharpTests(jupyter_kernel_test.KernelTests):
    kernel_name = "lectures-csharp"
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("oops");'
    completion_samples = [{"text": "Console.WriteL", "matches": {"WriteLine"}}]
    complete_code_samples = ["1 + 1", "var x = 3;", "class A { }"]
    incomplete_code_samples = ["class A {", "var x = new[] { 1,"]
    invalid_code_samples = ["var = = ;"]
    code_generate_error = 'throw new System.Exception("boom");'
    code_execute_result = [{"code": "6 * 7", "result": "42"}]
    code_display_data = [
        {"code": 'display(HTML("<b>bold</b>"));', "mime": "text/html"},
        {"code": "display(6 * 7);", "mime": "text/plain"},
    ]
    code_inspect_sample = "Console"
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 *"

    # The kernel has no pager and no clear_output call: these two suite tests have nothing to test, so they are not
    # collected (rather than reported as skipped).
    test_pager = None
    test_clear_output = None


if __name__ == "__main__":
    unittest.main()
