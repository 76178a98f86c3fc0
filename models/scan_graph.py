"""The one-operator ONNX graph behind the int8 pre-scan of resident vectors.

    .venv/bin/python -m models.scan_graph   # rewrites desktop_app/core/store/int8_scan.onnx

The app has onnxruntime but not the onnx package, so the graph is built here (export tooling)
and shipped as a 200-byte file; tests/unit/test_int8_scan.py checks the file matches this.
Its 8-bit matrix, row scales and zero points are placeholders: the store supplies the real ones
as initializers when it creates the session, so onnxruntime pre-packs them once.
"""

from __future__ import annotations

from pathlib import Path

GRAPH_PATH = (
    Path(__file__).resolve().parents[1] / "desktop_app" / "core" / "store" / "int8_scan.onnx"
)


def build_graph() -> bytes:
    from onnx import TensorProto, helper

    node = helper.make_node(
        "MatMulIntegerToFloat",
        ["query", "matrix", "query_scale", "row_scale", "query_zero", "row_zero"],
        ["scores"],
        domain="com.microsoft",
    )
    graph = helper.make_graph(
        [node],
        "int8_scan",
        [
            helper.make_tensor_value_info("query", TensorProto.UINT8, ["batch", "dim"]),
            helper.make_tensor_value_info("query_scale", TensorProto.FLOAT, [1]),
            helper.make_tensor_value_info("query_zero", TensorProto.UINT8, [1]),
        ],
        [helper.make_tensor_value_info("scores", TensorProto.FLOAT, None)],
        initializer=[
            helper.make_tensor("matrix", TensorProto.UINT8, [1, 1], [128]),
            helper.make_tensor("row_scale", TensorProto.FLOAT, [1], [1.0]),
            helper.make_tensor("row_zero", TensorProto.UINT8, [1], [128]),
        ],
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
        producer_name="trove",
    )
    model.ir_version = 9
    return bytes(model.SerializeToString())


if __name__ == "__main__":
    GRAPH_PATH.write_bytes(build_graph())
    print(f"wrote {GRAPH_PATH} ({GRAPH_PATH.stat().st_size} bytes)")
