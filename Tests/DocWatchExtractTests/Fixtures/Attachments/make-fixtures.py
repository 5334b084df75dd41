#!/usr/bin/env python3
"""Writes the attachment fixtures with real generators (reportlab, python-docx, openpyxl, xlwt,
zipfile). Run from this folder: pip install reportlab python-docx openpyxl xlwt; python3 make-fixtures.py"""
import zipfile

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
import docx
import openpyxl
import xlwt

PDF_LINES = ["关于推进制造业数字化转型的实施意见", "到2025年，规模以上工业企业数字化率达到85%。", "光伏组件产能提升至120万千瓦。"]
DOCX_LINES = ["江苏省工业和信息化厅关于印发专项资金管理办法的通知", "苏工信规〔2024〕3号", "对每个项目补助不超过500万元。"]

def pdf(path, lines):
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(path, invariant=1)
    page.setFont("STSong-Light", 14)
    for index, line in enumerate(lines):
        page.drawString(72, 760 - 24 * index, line)
    page.save()

def docx_file(path, lines):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "项目名称"
    table.rows[0].cells[1].text = "补助金额"
    document.save(path)

def xlsx(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["企业名称", "所在地区", "投资额（万元）"])
    sheet.append(["南京智造科技有限公司", "南京市", 3200])
    sheet.append(["苏州新能源股份有限公司", "苏州市", 4500])
    book.save(path)

def xls(path):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    for row, values in enumerate([["企业名称", "投资额"], ["杭州数智有限公司", 2800]]):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    book.save(path)

def ofd(path):
    # GB/T 33190: OFD.xml names the document root; each page's Content.xml holds TextObject/TextCode.
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        archive.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
        archive.writestr("Doc_0/Pages/Page_0/Content.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID="2">'
                         '<ofd:TextObject ID="3" Boundary="0 0 100 10" Font="4" Size="5"><ofd:TextCode X="0" Y="5">浙江省财政厅关于下达补助资金的通知</ofd:TextCode></ofd:TextObject>'
                         '<ofd:TextObject ID="5" Boundary="0 10 100 10" Font="4" Size="5"><ofd:TextCode X="0" Y="5">下达资金</ofd:TextCode><ofd:TextCode X="20" Y="5">1200万元</ofd:TextCode></ofd:TextObject>'
                         '</ofd:Layer></ofd:Content></ofd:Page>')

pdf("notice.pdf", PDF_LINES)
pdf("notice-revised.pdf", PDF_LINES[:2] + ["光伏组件产能提升至150万千瓦。"])
docx_file("measures.docx", DOCX_LINES)
xlsx("companies.xlsx")
xls("companies.xls")
ofd("notice.ofd")

# The old binary Word format, written by LibreOffice from the DOCX (no Python library writes DOC).
import os, subprocess, tempfile
with tempfile.TemporaryDirectory() as profile:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "doc",
                    "--outdir", ".", "measures.docx"], check=True, stdin=subprocess.DEVNULL, timeout=180)
