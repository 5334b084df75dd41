import DocWatchCore
/// Tells Simplified from Traditional Chinese text by characters that exist in only one script.
enum ScriptDetector {
    /// Frequent characters written only in Simplified script.
    private static let simplifiedOnly = ScalarSet("这们为说时国会后对学发经过与实现动从关点开问应还种进体产业长门见东车书马乐电话记报网区县员务济场术资设议读轻热万历么将样众处条让认边间则头买卖钱银质团导听觉总华气观龙际传统领强给计论满级数线组结织办农无节义价压图厅广岁连运选护营备细难战权师视优亿闻讯厂乡协标准确状态负责构规划环预测检调据况尽绍续带举虽爱乱亚两严丰临丽习争亏亲仅仑仓仪伙伟伤伦伪佣侠侣侥侦侧侨侬俭债倾偿储儿兑兰兴兹养兽内冈册写军冯决冻净凉减凑凤凭凯击凿刍刘刚创删别刹剂剑剧劝劢励劲劳势勋匀单卢卫却厌参双变叙叶号叹吗启吴响哑哗唤啬园围圆圣坏块坚坛坝坞坟坠垄垒垦埘堕墙壮声壳壶够夹夺奋奖妆妇妈娱婴孙宁宝宠审宪宫宽宾寻寿尔尘尝层属岂岗岛峡币帐帮庄庆库废异弃张弹归当录彻径忆忧怀恋恶恳悬惊惧惨惯愿戏户扑执扩扫扬扰抚抢担拟拥择挂挤挥损换掷揽携摄摆摇撑敌斋旧旷昙显晋晒晓暂机杀杂来杨极枪柜栋树档桥梦楼横欢欧残毁毕汇汉汤沟没沪泪泽洁浅浓涛润涨渊温湾湿滚滞灭灯灵灾炉炼烟烦烧爷牵犹狭独猎献玛画畅疗疯监盖盘矿码础礼祸离积称稳穷窃竞笔签简类粮紧纠红约纪纯纳纸练终绕绘络绝继维综绿编缓缘缩罗罚职联聪肃胁胜脑脚脱舆舰艺芦苏苹荣药莱获蓝虑补装览誉订讨训讲许访证评识诉词译试诗诚该详语误请诸课谁谈谋谓谢谱贝贡财败货购贯贴贵费贸赏赔赖赛赞赵赶趋践轨转轮软载较辅辆辈辽达迁迈远违迟适递逻遗邓邮邻郑酱释针钟钢铁销锁锋错锦键镇闭闯闲阅队阳阴阵阶陆陈险随隐隶雾须顶项顺频题颜风飞饭馆驱验骑鱼鸟鸡麦黄齐龄")
    /// Their Traditional counterparts.
    private static let traditionalOnly = ScalarSet("這們為說時國會後對學發經過與實現動從關點開問應還種進體產業長門見東車書馬樂電話記報網區縣員務濟場術資設議讀輕熱萬歷麼將樣眾處條讓認邊間則頭買賣錢銀質團導聽覺總華氣觀龍際傳統領強給計論滿級數線組結織辦農無節義價壓圖廳廣歲連運選護營備細難戰權師視優億聞訊廠鄉協標準確狀態負責構規劃環預測檢調據況盡紹續帶舉雖愛亂亞兩嚴豐臨麗習爭虧親僅侖倉儀夥偉傷倫偽傭俠侶僥偵側僑儂儉債傾償儲兒兌蘭興茲養獸內岡冊寫軍馮決凍淨涼減湊鳳憑凱擊鑿芻劉剛創刪別剎劑劍劇勸勱勵勁勞勢勛勻單盧衛卻厭參雙變敘葉號嘆嗎啟吳響啞嘩喚嗇園圍圓聖壞塊堅壇壩塢墳墜壟壘墾塒墮牆壯聲殼壺夠夾奪奮獎妝婦媽娛嬰孫寧寶寵審憲宮寬賓尋壽爾塵嘗層屬豈崗島峽幣帳幫莊慶庫廢異棄張彈歸當錄徹徑憶憂懷戀惡懇懸驚懼慘慣願戲戶撲執擴掃揚擾撫搶擔擬擁擇掛擠揮損換擲攬攜攝擺搖撐敵齋舊曠曇顯晉曬曉暫機殺雜來楊極槍櫃棟樹檔橋夢樓橫歡歐殘毀畢匯漢湯溝沒滬淚澤潔淺濃濤潤漲淵溫灣濕滾滯滅燈靈災爐煉煙煩燒爺牽猶狹獨獵獻瑪畫暢療瘋監蓋盤礦碼礎禮禍離積稱穩窮竊競筆簽簡類糧緊糾紅約紀純納紙練終繞繪絡絕繼維綜綠編緩緣縮羅罰職聯聰肅脅勝腦腳脫輿艦藝蘆蘇蘋榮藥萊獲藍慮補裝覽譽訂討訓講許訪證評識訴詞譯試詩誠該詳語誤請諸課誰談謀謂謝譜貝貢財敗貨購貫貼貴費貿賞賠賴賽贊趙趕趨踐軌轉輪軟載較輔輛輩遼達遷邁遠違遲適遞邏遺鄧郵鄰鄭醬釋針鐘鋼鐵銷鎖鋒錯錦鍵鎮閉闖閒閱隊陽陰陣階陸陳險隨隱隸霧須頂項順頻題顏風飛飯館驅驗騎魚鳥雞麥黃齊齡")

    /// `zh-Hant` when Traditional-only characters outnumber Simplified-only ones, `zh-Hans` for
    /// other Chinese text, `fallback` (the page's `lang`, else `und`) for text without Han characters.
    static func script(of text: String, fallback: String?) -> String {
        var simplified = 0
        var traditional = 0
        var han = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x3400 {
            guard Han.isIdeograph(scalar) else { continue }
            han += 1
            if han > 3000 { break }
            if simplifiedOnly.contains(scalar) { simplified += 1 } else if traditionalOnly.contains(scalar) { traditional += 1 }
        }
        if han == 0 { return fallback ?? "und" }
        return traditional > simplified ? "zh-Hant" : "zh-Hans"
    }
}
