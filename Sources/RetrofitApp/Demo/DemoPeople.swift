import RetrofitCore
import RetrofitStore
import RetrofitReports

/// The people of the sample bureau: who opens, moves and approves the demo's cases.
enum DemoPeople {
    static let admin = PersonRegistered(name: "张伟", role: .admin, district: nil)
    static let managers = [
        PersonRegistered(name: "王芳", role: .manager, district: nil),
        PersonRegistered(name: "孙强", role: .manager, district: nil),
    ]
    static let auditor = PersonRegistered(name: "周敏", role: .auditor, district: nil)
    static let helpers: [PersonRegistered] = [
        ("李娜", "德城区"), ("刘洋", "陵城区"), ("陈静", "禹城市"), ("杨帆", "乐陵市"), ("赵敏", "临邑县"),
        ("黄磊", "平原县"), ("吴婷", "夏津县"), ("徐鹏", "武城县"), ("朱丽", "庆云县"), ("胡军", "宁津县"),
        ("郭霞", "齐河县"), ("何斌", "经济技术开发区"), ("高洁", "天衢新区"),
    ].map { PersonRegistered(name: $0.0, role: .helper, district: $0.1) }

    static var everyone: [PersonRegistered] { [admin] + managers + [auditor] + helpers }

    static func helper(for district: String) -> String {
        helpers.first { $0.district == district }?.name ?? helpers[0].name
    }

    static let roads = ["新华路", "东风路", "解放大道", "湖滨大道", "三八路", "天衢路", "德州大道", "长河大道", "大学路", "崇德路"]
    static let communities = ["新华小区", "东风花园", "湖滨北区", "运河新村", "长河苑", "天衢小区", "红星家园", "建设里", "交通小区", "纺织宿舍"]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"]
    static let givenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞"]
}
