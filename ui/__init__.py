"""The Gradio chat UI over the RAG pipeline (``rag serve``)."""
