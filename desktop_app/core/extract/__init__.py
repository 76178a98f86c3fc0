"""core/extract"""
