"""core/scan"""
