import PartnerKit
print("partnerkit")
