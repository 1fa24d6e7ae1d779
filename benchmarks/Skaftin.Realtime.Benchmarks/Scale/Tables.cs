// Written by tools/GenerateTables.cs; do not edit by hand.
// 1,000 [SkaftinTable] row types (tables t0000 … t0999) for the routing benchmarks, and their generated accessors.
using System;
using Skaftin.Realtime;

namespace Skaftin.Realtime.Benchmarks.Scale;

[SkaftinTable("t0000")] public sealed record Row0000(int Id, string Name, int Value);
[SkaftinTable("t0001")] public sealed record Row0001(int Id, string Name, int Value);
[SkaftinTable("t0002")] public sealed record Row0002(int Id, string Name, int Value);
[SkaftinTable("t0003")] public sealed record Row0003(int Id, string Name, int Value);
[SkaftinTable("t0004")] public sealed record Row0004(int Id, string Name, int Value);
[SkaftinTable("t0005")] public sealed record Row0005(int Id, string Name, int Value);
[SkaftinTable("t0006")] public sealed record Row0006(int Id, string Name, int Value);
[SkaftinTable("t0007")] public sealed record Row0007(int Id, string Name, int Value);
[SkaftinTable("t0008")] public sealed record Row0008(int Id, string Name, int Value);
[SkaftinTable("t0009")] public sealed record Row0009(int Id, string Name, int Value);
[SkaftinTable("t0010")] public sealed record Row0010(int Id, string Name, int Value);
[SkaftinTable("t0011")] public sealed record Row0011(int Id, string Name, int Value);
[SkaftinTable("t0012")] public sealed record Row0012(int Id, string Name, int Value);
[SkaftinTable("t0013")] public sealed record Row0013(int Id, string Name, int Value);
[SkaftinTable("t0014")] public sealed record Row0014(int Id, string Name, int Value);
[SkaftinTable("t0015")] public sealed record Row0015(int Id, string Name, int Value);
[SkaftinTable("t0016")] public sealed record Row0016(int Id, string Name, int Value);
[SkaftinTable("t0017")] public sealed record Row0017(int Id, string Name, int Value);
[SkaftinTable("t0018")] public sealed record Row0018(int Id, string Name, int Value);
[SkaftinTable("t0019")] public sealed record Row0019(int Id, string Name, int Value);
[SkaftinTable("t0020")] public sealed record Row0020(int Id, string Name, int Value);
[SkaftinTable("t0021")] public sealed record Row0021(int Id, string Name, int Value);
[SkaftinTable("t0022")] public sealed record Row0022(int Id, string Name, int Value);
[SkaftinTable("t0023")] public sealed record Row0023(int Id, string Name, int Value);
[SkaftinTable("t0024")] public sealed record Row0024(int Id, string Name, int Value);
[SkaftinTable("t0025")] public sealed record Row0025(int Id, string Name, int Value);
[SkaftinTable("t0026")] public sealed record Row0026(int Id, string Name, int Value);
[SkaftinTable("t0027")] public sealed record Row0027(int Id, string Name, int Value);
[SkaftinTable("t0028")] public sealed record Row0028(int Id, string Name, int Value);
[SkaftinTable("t0029")] public sealed record Row0029(int Id, string Name, int Value);
[SkaftinTable("t0030")] public sealed record Row0030(int Id, string Name, int Value);
[SkaftinTable("t0031")] public sealed record Row0031(int Id, string Name, int Value);
[SkaftinTable("t0032")] public sealed record Row0032(int Id, string Name, int Value);
[SkaftinTable("t0033")] public sealed record Row0033(int Id, string Name, int Value);
[SkaftinTable("t0034")] public sealed record Row0034(int Id, string Name, int Value);
[SkaftinTable("t0035")] public sealed record Row0035(int Id, string Name, int Value);
[SkaftinTable("t0036")] public sealed record Row0036(int Id, string Name, int Value);
[SkaftinTable("t0037")] public sealed record Row0037(int Id, string Name, int Value);
[SkaftinTable("t0038")] public sealed record Row0038(int Id, string Name, int Value);
[SkaftinTable("t0039")] public sealed record Row0039(int Id, string Name, int Value);
[SkaftinTable("t0040")] public sealed record Row0040(int Id, string Name, int Value);
[SkaftinTable("t0041")] public sealed record Row0041(int Id, string Name, int Value);
[SkaftinTable("t0042")] public sealed record Row0042(int Id, string Name, int Value);
[SkaftinTable("t0043")] public sealed record Row0043(int Id, string Name, int Value);
[SkaftinTable("t0044")] public sealed record Row0044(int Id, string Name, int Value);
[SkaftinTable("t0045")] public sealed record Row0045(int Id, string Name, int Value);
[SkaftinTable("t0046")] public sealed record Row0046(int Id, string Name, int Value);
[SkaftinTable("t0047")] public sealed record Row0047(int Id, string Name, int Value);
[SkaftinTable("t0048")] public sealed record Row0048(int Id, string Name, int Value);
[SkaftinTable("t0049")] public sealed record Row0049(int Id, string Name, int Value);
[SkaftinTable("t0050")] public sealed record Row0050(int Id, string Name, int Value);
[SkaftinTable("t0051")] public sealed record Row0051(int Id, string Name, int Value);
[SkaftinTable("t0052")] public sealed record Row0052(int Id, string Name, int Value);
[SkaftinTable("t0053")] public sealed record Row0053(int Id, string Name, int Value);
[SkaftinTable("t0054")] public sealed record Row0054(int Id, string Name, int Value);
[SkaftinTable("t0055")] public sealed record Row0055(int Id, string Name, int Value);
[SkaftinTable("t0056")] public sealed record Row0056(int Id, string Name, int Value);
[SkaftinTable("t0057")] public sealed record Row0057(int Id, string Name, int Value);
[SkaftinTable("t0058")] public sealed record Row0058(int Id, string Name, int Value);
[SkaftinTable("t0059")] public sealed record Row0059(int Id, string Name, int Value);
[SkaftinTable("t0060")] public sealed record Row0060(int Id, string Name, int Value);
[SkaftinTable("t0061")] public sealed record Row0061(int Id, string Name, int Value);
[SkaftinTable("t0062")] public sealed record Row0062(int Id, string Name, int Value);
[SkaftinTable("t0063")] public sealed record Row0063(int Id, string Name, int Value);
[SkaftinTable("t0064")] public sealed record Row0064(int Id, string Name, int Value);
[SkaftinTable("t0065")] public sealed record Row0065(int Id, string Name, int Value);
[SkaftinTable("t0066")] public sealed record Row0066(int Id, string Name, int Value);
[SkaftinTable("t0067")] public sealed record Row0067(int Id, string Name, int Value);
[SkaftinTable("t0068")] public sealed record Row0068(int Id, string Name, int Value);
[SkaftinTable("t0069")] public sealed record Row0069(int Id, string Name, int Value);
[SkaftinTable("t0070")] public sealed record Row0070(int Id, string Name, int Value);
[SkaftinTable("t0071")] public sealed record Row0071(int Id, string Name, int Value);
[SkaftinTable("t0072")] public sealed record Row0072(int Id, string Name, int Value);
[SkaftinTable("t0073")] public sealed record Row0073(int Id, string Name, int Value);
[SkaftinTable("t0074")] public sealed record Row0074(int Id, string Name, int Value);
[SkaftinTable("t0075")] public sealed record Row0075(int Id, string Name, int Value);
[SkaftinTable("t0076")] public sealed record Row0076(int Id, string Name, int Value);
[SkaftinTable("t0077")] public sealed record Row0077(int Id, string Name, int Value);
[SkaftinTable("t0078")] public sealed record Row0078(int Id, string Name, int Value);
[SkaftinTable("t0079")] public sealed record Row0079(int Id, string Name, int Value);
[SkaftinTable("t0080")] public sealed record Row0080(int Id, string Name, int Value);
[SkaftinTable("t0081")] public sealed record Row0081(int Id, string Name, int Value);
[SkaftinTable("t0082")] public sealed record Row0082(int Id, string Name, int Value);
[SkaftinTable("t0083")] public sealed record Row0083(int Id, string Name, int Value);
[SkaftinTable("t0084")] public sealed record Row0084(int Id, string Name, int Value);
[SkaftinTable("t0085")] public sealed record Row0085(int Id, string Name, int Value);
[SkaftinTable("t0086")] public sealed record Row0086(int Id, string Name, int Value);
[SkaftinTable("t0087")] public sealed record Row0087(int Id, string Name, int Value);
[SkaftinTable("t0088")] public sealed record Row0088(int Id, string Name, int Value);
[SkaftinTable("t0089")] public sealed record Row0089(int Id, string Name, int Value);
[SkaftinTable("t0090")] public sealed record Row0090(int Id, string Name, int Value);
[SkaftinTable("t0091")] public sealed record Row0091(int Id, string Name, int Value);
[SkaftinTable("t0092")] public sealed record Row0092(int Id, string Name, int Value);
[SkaftinTable("t0093")] public sealed record Row0093(int Id, string Name, int Value);
[SkaftinTable("t0094")] public sealed record Row0094(int Id, string Name, int Value);
[SkaftinTable("t0095")] public sealed record Row0095(int Id, string Name, int Value);
[SkaftinTable("t0096")] public sealed record Row0096(int Id, string Name, int Value);
[SkaftinTable("t0097")] public sealed record Row0097(int Id, string Name, int Value);
[SkaftinTable("t0098")] public sealed record Row0098(int Id, string Name, int Value);
[SkaftinTable("t0099")] public sealed record Row0099(int Id, string Name, int Value);
[SkaftinTable("t0100")] public sealed record Row0100(int Id, string Name, int Value);
[SkaftinTable("t0101")] public sealed record Row0101(int Id, string Name, int Value);
[SkaftinTable("t0102")] public sealed record Row0102(int Id, string Name, int Value);
[SkaftinTable("t0103")] public sealed record Row0103(int Id, string Name, int Value);
[SkaftinTable("t0104")] public sealed record Row0104(int Id, string Name, int Value);
[SkaftinTable("t0105")] public sealed record Row0105(int Id, string Name, int Value);
[SkaftinTable("t0106")] public sealed record Row0106(int Id, string Name, int Value);
[SkaftinTable("t0107")] public sealed record Row0107(int Id, string Name, int Value);
[SkaftinTable("t0108")] public sealed record Row0108(int Id, string Name, int Value);
[SkaftinTable("t0109")] public sealed record Row0109(int Id, string Name, int Value);
[SkaftinTable("t0110")] public sealed record Row0110(int Id, string Name, int Value);
[SkaftinTable("t0111")] public sealed record Row0111(int Id, string Name, int Value);
[SkaftinTable("t0112")] public sealed record Row0112(int Id, string Name, int Value);
[SkaftinTable("t0113")] public sealed record Row0113(int Id, string Name, int Value);
[SkaftinTable("t0114")] public sealed record Row0114(int Id, string Name, int Value);
[SkaftinTable("t0115")] public sealed record Row0115(int Id, string Name, int Value);
[SkaftinTable("t0116")] public sealed record Row0116(int Id, string Name, int Value);
[SkaftinTable("t0117")] public sealed record Row0117(int Id, string Name, int Value);
[SkaftinTable("t0118")] public sealed record Row0118(int Id, string Name, int Value);
[SkaftinTable("t0119")] public sealed record Row0119(int Id, string Name, int Value);
[SkaftinTable("t0120")] public sealed record Row0120(int Id, string Name, int Value);
[SkaftinTable("t0121")] public sealed record Row0121(int Id, string Name, int Value);
[SkaftinTable("t0122")] public sealed record Row0122(int Id, string Name, int Value);
[SkaftinTable("t0123")] public sealed record Row0123(int Id, string Name, int Value);
[SkaftinTable("t0124")] public sealed record Row0124(int Id, string Name, int Value);
[SkaftinTable("t0125")] public sealed record Row0125(int Id, string Name, int Value);
[SkaftinTable("t0126")] public sealed record Row0126(int Id, string Name, int Value);
[SkaftinTable("t0127")] public sealed record Row0127(int Id, string Name, int Value);
[SkaftinTable("t0128")] public sealed record Row0128(int Id, string Name, int Value);
[SkaftinTable("t0129")] public sealed record Row0129(int Id, string Name, int Value);
[SkaftinTable("t0130")] public sealed record Row0130(int Id, string Name, int Value);
[SkaftinTable("t0131")] public sealed record Row0131(int Id, string Name, int Value);
[SkaftinTable("t0132")] public sealed record Row0132(int Id, string Name, int Value);
[SkaftinTable("t0133")] public sealed record Row0133(int Id, string Name, int Value);
[SkaftinTable("t0134")] public sealed record Row0134(int Id, string Name, int Value);
[SkaftinTable("t0135")] public sealed record Row0135(int Id, string Name, int Value);
[SkaftinTable("t0136")] public sealed record Row0136(int Id, string Name, int Value);
[SkaftinTable("t0137")] public sealed record Row0137(int Id, string Name, int Value);
[SkaftinTable("t0138")] public sealed record Row0138(int Id, string Name, int Value);
[SkaftinTable("t0139")] public sealed record Row0139(int Id, string Name, int Value);
[SkaftinTable("t0140")] public sealed record Row0140(int Id, string Name, int Value);
[SkaftinTable("t0141")] public sealed record Row0141(int Id, string Name, int Value);
[SkaftinTable("t0142")] public sealed record Row0142(int Id, string Name, int Value);
[SkaftinTable("t0143")] public sealed record Row0143(int Id, string Name, int Value);
[SkaftinTable("t0144")] public sealed record Row0144(int Id, string Name, int Value);
[SkaftinTable("t0145")] public sealed record Row0145(int Id, string Name, int Value);
[SkaftinTable("t0146")] public sealed record Row0146(int Id, string Name, int Value);
[SkaftinTable("t0147")] public sealed record Row0147(int Id, string Name, int Value);
[SkaftinTable("t0148")] public sealed record Row0148(int Id, string Name, int Value);
[SkaftinTable("t0149")] public sealed record Row0149(int Id, string Name, int Value);
[SkaftinTable("t0150")] public sealed record Row0150(int Id, string Name, int Value);
[SkaftinTable("t0151")] public sealed record Row0151(int Id, string Name, int Value);
[SkaftinTable("t0152")] public sealed record Row0152(int Id, string Name, int Value);
[SkaftinTable("t0153")] public sealed record Row0153(int Id, string Name, int Value);
[SkaftinTable("t0154")] public sealed record Row0154(int Id, string Name, int Value);
[SkaftinTable("t0155")] public sealed record Row0155(int Id, string Name, int Value);
[SkaftinTable("t0156")] public sealed record Row0156(int Id, string Name, int Value);
[SkaftinTable("t0157")] public sealed record Row0157(int Id, string Name, int Value);
[SkaftinTable("t0158")] public sealed record Row0158(int Id, string Name, int Value);
[SkaftinTable("t0159")] public sealed record Row0159(int Id, string Name, int Value);
[SkaftinTable("t0160")] public sealed record Row0160(int Id, string Name, int Value);
[SkaftinTable("t0161")] public sealed record Row0161(int Id, string Name, int Value);
[SkaftinTable("t0162")] public sealed record Row0162(int Id, string Name, int Value);
[SkaftinTable("t0163")] public sealed record Row0163(int Id, string Name, int Value);
[SkaftinTable("t0164")] public sealed record Row0164(int Id, string Name, int Value);
[SkaftinTable("t0165")] public sealed record Row0165(int Id, string Name, int Value);
[SkaftinTable("t0166")] public sealed record Row0166(int Id, string Name, int Value);
[SkaftinTable("t0167")] public sealed record Row0167(int Id, string Name, int Value);
[SkaftinTable("t0168")] public sealed record Row0168(int Id, string Name, int Value);
[SkaftinTable("t0169")] public sealed record Row0169(int Id, string Name, int Value);
[SkaftinTable("t0170")] public sealed record Row0170(int Id, string Name, int Value);
[SkaftinTable("t0171")] public sealed record Row0171(int Id, string Name, int Value);
[SkaftinTable("t0172")] public sealed record Row0172(int Id, string Name, int Value);
[SkaftinTable("t0173")] public sealed record Row0173(int Id, string Name, int Value);
[SkaftinTable("t0174")] public sealed record Row0174(int Id, string Name, int Value);
[SkaftinTable("t0175")] public sealed record Row0175(int Id, string Name, int Value);
[SkaftinTable("t0176")] public sealed record Row0176(int Id, string Name, int Value);
[SkaftinTable("t0177")] public sealed record Row0177(int Id, string Name, int Value);
[SkaftinTable("t0178")] public sealed record Row0178(int Id, string Name, int Value);
[SkaftinTable("t0179")] public sealed record Row0179(int Id, string Name, int Value);
[SkaftinTable("t0180")] public sealed record Row0180(int Id, string Name, int Value);
[SkaftinTable("t0181")] public sealed record Row0181(int Id, string Name, int Value);
[SkaftinTable("t0182")] public sealed record Row0182(int Id, string Name, int Value);
[SkaftinTable("t0183")] public sealed record Row0183(int Id, string Name, int Value);
[SkaftinTable("t0184")] public sealed record Row0184(int Id, string Name, int Value);
[SkaftinTable("t0185")] public sealed record Row0185(int Id, string Name, int Value);
[SkaftinTable("t0186")] public sealed record Row0186(int Id, string Name, int Value);
[SkaftinTable("t0187")] public sealed record Row0187(int Id, string Name, int Value);
[SkaftinTable("t0188")] public sealed record Row0188(int Id, string Name, int Value);
[SkaftinTable("t0189")] public sealed record Row0189(int Id, string Name, int Value);
[SkaftinTable("t0190")] public sealed record Row0190(int Id, string Name, int Value);
[SkaftinTable("t0191")] public sealed record Row0191(int Id, string Name, int Value);
[SkaftinTable("t0192")] public sealed record Row0192(int Id, string Name, int Value);
[SkaftinTable("t0193")] public sealed record Row0193(int Id, string Name, int Value);
[SkaftinTable("t0194")] public sealed record Row0194(int Id, string Name, int Value);
[SkaftinTable("t0195")] public sealed record Row0195(int Id, string Name, int Value);
[SkaftinTable("t0196")] public sealed record Row0196(int Id, string Name, int Value);
[SkaftinTable("t0197")] public sealed record Row0197(int Id, string Name, int Value);
[SkaftinTable("t0198")] public sealed record Row0198(int Id, string Name, int Value);
[SkaftinTable("t0199")] public sealed record Row0199(int Id, string Name, int Value);
[SkaftinTable("t0200")] public sealed record Row0200(int Id, string Name, int Value);
[SkaftinTable("t0201")] public sealed record Row0201(int Id, string Name, int Value);
[SkaftinTable("t0202")] public sealed record Row0202(int Id, string Name, int Value);
[SkaftinTable("t0203")] public sealed record Row0203(int Id, string Name, int Value);
[SkaftinTable("t0204")] public sealed record Row0204(int Id, string Name, int Value);
[SkaftinTable("t0205")] public sealed record Row0205(int Id, string Name, int Value);
[SkaftinTable("t0206")] public sealed record Row0206(int Id, string Name, int Value);
[SkaftinTable("t0207")] public sealed record Row0207(int Id, string Name, int Value);
[SkaftinTable("t0208")] public sealed record Row0208(int Id, string Name, int Value);
[SkaftinTable("t0209")] public sealed record Row0209(int Id, string Name, int Value);
[SkaftinTable("t0210")] public sealed record Row0210(int Id, string Name, int Value);
[SkaftinTable("t0211")] public sealed record Row0211(int Id, string Name, int Value);
[SkaftinTable("t0212")] public sealed record Row0212(int Id, string Name, int Value);
[SkaftinTable("t0213")] public sealed record Row0213(int Id, string Name, int Value);
[SkaftinTable("t0214")] public sealed record Row0214(int Id, string Name, int Value);
[SkaftinTable("t0215")] public sealed record Row0215(int Id, string Name, int Value);
[SkaftinTable("t0216")] public sealed record Row0216(int Id, string Name, int Value);
[SkaftinTable("t0217")] public sealed record Row0217(int Id, string Name, int Value);
[SkaftinTable("t0218")] public sealed record Row0218(int Id, string Name, int Value);
[SkaftinTable("t0219")] public sealed record Row0219(int Id, string Name, int Value);
[SkaftinTable("t0220")] public sealed record Row0220(int Id, string Name, int Value);
[SkaftinTable("t0221")] public sealed record Row0221(int Id, string Name, int Value);
[SkaftinTable("t0222")] public sealed record Row0222(int Id, string Name, int Value);
[SkaftinTable("t0223")] public sealed record Row0223(int Id, string Name, int Value);
[SkaftinTable("t0224")] public sealed record Row0224(int Id, string Name, int Value);
[SkaftinTable("t0225")] public sealed record Row0225(int Id, string Name, int Value);
[SkaftinTable("t0226")] public sealed record Row0226(int Id, string Name, int Value);
[SkaftinTable("t0227")] public sealed record Row0227(int Id, string Name, int Value);
[SkaftinTable("t0228")] public sealed record Row0228(int Id, string Name, int Value);
[SkaftinTable("t0229")] public sealed record Row0229(int Id, string Name, int Value);
[SkaftinTable("t0230")] public sealed record Row0230(int Id, string Name, int Value);
[SkaftinTable("t0231")] public sealed record Row0231(int Id, string Name, int Value);
[SkaftinTable("t0232")] public sealed record Row0232(int Id, string Name, int Value);
[SkaftinTable("t0233")] public sealed record Row0233(int Id, string Name, int Value);
[SkaftinTable("t0234")] public sealed record Row0234(int Id, string Name, int Value);
[SkaftinTable("t0235")] public sealed record Row0235(int Id, string Name, int Value);
[SkaftinTable("t0236")] public sealed record Row0236(int Id, string Name, int Value);
[SkaftinTable("t0237")] public sealed record Row0237(int Id, string Name, int Value);
[SkaftinTable("t0238")] public sealed record Row0238(int Id, string Name, int Value);
[SkaftinTable("t0239")] public sealed record Row0239(int Id, string Name, int Value);
[SkaftinTable("t0240")] public sealed record Row0240(int Id, string Name, int Value);
[SkaftinTable("t0241")] public sealed record Row0241(int Id, string Name, int Value);
[SkaftinTable("t0242")] public sealed record Row0242(int Id, string Name, int Value);
[SkaftinTable("t0243")] public sealed record Row0243(int Id, string Name, int Value);
[SkaftinTable("t0244")] public sealed record Row0244(int Id, string Name, int Value);
[SkaftinTable("t0245")] public sealed record Row0245(int Id, string Name, int Value);
[SkaftinTable("t0246")] public sealed record Row0246(int Id, string Name, int Value);
[SkaftinTable("t0247")] public sealed record Row0247(int Id, string Name, int Value);
[SkaftinTable("t0248")] public sealed record Row0248(int Id, string Name, int Value);
[SkaftinTable("t0249")] public sealed record Row0249(int Id, string Name, int Value);
[SkaftinTable("t0250")] public sealed record Row0250(int Id, string Name, int Value);
[SkaftinTable("t0251")] public sealed record Row0251(int Id, string Name, int Value);
[SkaftinTable("t0252")] public sealed record Row0252(int Id, string Name, int Value);
[SkaftinTable("t0253")] public sealed record Row0253(int Id, string Name, int Value);
[SkaftinTable("t0254")] public sealed record Row0254(int Id, string Name, int Value);
[SkaftinTable("t0255")] public sealed record Row0255(int Id, string Name, int Value);
[SkaftinTable("t0256")] public sealed record Row0256(int Id, string Name, int Value);
[SkaftinTable("t0257")] public sealed record Row0257(int Id, string Name, int Value);
[SkaftinTable("t0258")] public sealed record Row0258(int Id, string Name, int Value);
[SkaftinTable("t0259")] public sealed record Row0259(int Id, string Name, int Value);
[SkaftinTable("t0260")] public sealed record Row0260(int Id, string Name, int Value);
[SkaftinTable("t0261")] public sealed record Row0261(int Id, string Name, int Value);
[SkaftinTable("t0262")] public sealed record Row0262(int Id, string Name, int Value);
[SkaftinTable("t0263")] public sealed record Row0263(int Id, string Name, int Value);
[SkaftinTable("t0264")] public sealed record Row0264(int Id, string Name, int Value);
[SkaftinTable("t0265")] public sealed record Row0265(int Id, string Name, int Value);
[SkaftinTable("t0266")] public sealed record Row0266(int Id, string Name, int Value);
[SkaftinTable("t0267")] public sealed record Row0267(int Id, string Name, int Value);
[SkaftinTable("t0268")] public sealed record Row0268(int Id, string Name, int Value);
[SkaftinTable("t0269")] public sealed record Row0269(int Id, string Name, int Value);
[SkaftinTable("t0270")] public sealed record Row0270(int Id, string Name, int Value);
[SkaftinTable("t0271")] public sealed record Row0271(int Id, string Name, int Value);
[SkaftinTable("t0272")] public sealed record Row0272(int Id, string Name, int Value);
[SkaftinTable("t0273")] public sealed record Row0273(int Id, string Name, int Value);
[SkaftinTable("t0274")] public sealed record Row0274(int Id, string Name, int Value);
[SkaftinTable("t0275")] public sealed record Row0275(int Id, string Name, int Value);
[SkaftinTable("t0276")] public sealed record Row0276(int Id, string Name, int Value);
[SkaftinTable("t0277")] public sealed record Row0277(int Id, string Name, int Value);
[SkaftinTable("t0278")] public sealed record Row0278(int Id, string Name, int Value);
[SkaftinTable("t0279")] public sealed record Row0279(int Id, string Name, int Value);
[SkaftinTable("t0280")] public sealed record Row0280(int Id, string Name, int Value);
[SkaftinTable("t0281")] public sealed record Row0281(int Id, string Name, int Value);
[SkaftinTable("t0282")] public sealed record Row0282(int Id, string Name, int Value);
[SkaftinTable("t0283")] public sealed record Row0283(int Id, string Name, int Value);
[SkaftinTable("t0284")] public sealed record Row0284(int Id, string Name, int Value);
[SkaftinTable("t0285")] public sealed record Row0285(int Id, string Name, int Value);
[SkaftinTable("t0286")] public sealed record Row0286(int Id, string Name, int Value);
[SkaftinTable("t0287")] public sealed record Row0287(int Id, string Name, int Value);
[SkaftinTable("t0288")] public sealed record Row0288(int Id, string Name, int Value);
[SkaftinTable("t0289")] public sealed record Row0289(int Id, string Name, int Value);
[SkaftinTable("t0290")] public sealed record Row0290(int Id, string Name, int Value);
[SkaftinTable("t0291")] public sealed record Row0291(int Id, string Name, int Value);
[SkaftinTable("t0292")] public sealed record Row0292(int Id, string Name, int Value);
[SkaftinTable("t0293")] public sealed record Row0293(int Id, string Name, int Value);
[SkaftinTable("t0294")] public sealed record Row0294(int Id, string Name, int Value);
[SkaftinTable("t0295")] public sealed record Row0295(int Id, string Name, int Value);
[SkaftinTable("t0296")] public sealed record Row0296(int Id, string Name, int Value);
[SkaftinTable("t0297")] public sealed record Row0297(int Id, string Name, int Value);
[SkaftinTable("t0298")] public sealed record Row0298(int Id, string Name, int Value);
[SkaftinTable("t0299")] public sealed record Row0299(int Id, string Name, int Value);
[SkaftinTable("t0300")] public sealed record Row0300(int Id, string Name, int Value);
[SkaftinTable("t0301")] public sealed record Row0301(int Id, string Name, int Value);
[SkaftinTable("t0302")] public sealed record Row0302(int Id, string Name, int Value);
[SkaftinTable("t0303")] public sealed record Row0303(int Id, string Name, int Value);
[SkaftinTable("t0304")] public sealed record Row0304(int Id, string Name, int Value);
[SkaftinTable("t0305")] public sealed record Row0305(int Id, string Name, int Value);
[SkaftinTable("t0306")] public sealed record Row0306(int Id, string Name, int Value);
[SkaftinTable("t0307")] public sealed record Row0307(int Id, string Name, int Value);
[SkaftinTable("t0308")] public sealed record Row0308(int Id, string Name, int Value);
[SkaftinTable("t0309")] public sealed record Row0309(int Id, string Name, int Value);
[SkaftinTable("t0310")] public sealed record Row0310(int Id, string Name, int Value);
[SkaftinTable("t0311")] public sealed record Row0311(int Id, string Name, int Value);
[SkaftinTable("t0312")] public sealed record Row0312(int Id, string Name, int Value);
[SkaftinTable("t0313")] public sealed record Row0313(int Id, string Name, int Value);
[SkaftinTable("t0314")] public sealed record Row0314(int Id, string Name, int Value);
[SkaftinTable("t0315")] public sealed record Row0315(int Id, string Name, int Value);
[SkaftinTable("t0316")] public sealed record Row0316(int Id, string Name, int Value);
[SkaftinTable("t0317")] public sealed record Row0317(int Id, string Name, int Value);
[SkaftinTable("t0318")] public sealed record Row0318(int Id, string Name, int Value);
[SkaftinTable("t0319")] public sealed record Row0319(int Id, string Name, int Value);
[SkaftinTable("t0320")] public sealed record Row0320(int Id, string Name, int Value);
[SkaftinTable("t0321")] public sealed record Row0321(int Id, string Name, int Value);
[SkaftinTable("t0322")] public sealed record Row0322(int Id, string Name, int Value);
[SkaftinTable("t0323")] public sealed record Row0323(int Id, string Name, int Value);
[SkaftinTable("t0324")] public sealed record Row0324(int Id, string Name, int Value);
[SkaftinTable("t0325")] public sealed record Row0325(int Id, string Name, int Value);
[SkaftinTable("t0326")] public sealed record Row0326(int Id, string Name, int Value);
[SkaftinTable("t0327")] public sealed record Row0327(int Id, string Name, int Value);
[SkaftinTable("t0328")] public sealed record Row0328(int Id, string Name, int Value);
[SkaftinTable("t0329")] public sealed record Row0329(int Id, string Name, int Value);
[SkaftinTable("t0330")] public sealed record Row0330(int Id, string Name, int Value);
[SkaftinTable("t0331")] public sealed record Row0331(int Id, string Name, int Value);
[SkaftinTable("t0332")] public sealed record Row0332(int Id, string Name, int Value);
[SkaftinTable("t0333")] public sealed record Row0333(int Id, string Name, int Value);
[SkaftinTable("t0334")] public sealed record Row0334(int Id, string Name, int Value);
[SkaftinTable("t0335")] public sealed record Row0335(int Id, string Name, int Value);
[SkaftinTable("t0336")] public sealed record Row0336(int Id, string Name, int Value);
[SkaftinTable("t0337")] public sealed record Row0337(int Id, string Name, int Value);
[SkaftinTable("t0338")] public sealed record Row0338(int Id, string Name, int Value);
[SkaftinTable("t0339")] public sealed record Row0339(int Id, string Name, int Value);
[SkaftinTable("t0340")] public sealed record Row0340(int Id, string Name, int Value);
[SkaftinTable("t0341")] public sealed record Row0341(int Id, string Name, int Value);
[SkaftinTable("t0342")] public sealed record Row0342(int Id, string Name, int Value);
[SkaftinTable("t0343")] public sealed record Row0343(int Id, string Name, int Value);
[SkaftinTable("t0344")] public sealed record Row0344(int Id, string Name, int Value);
[SkaftinTable("t0345")] public sealed record Row0345(int Id, string Name, int Value);
[SkaftinTable("t0346")] public sealed record Row0346(int Id, string Name, int Value);
[SkaftinTable("t0347")] public sealed record Row0347(int Id, string Name, int Value);
[SkaftinTable("t0348")] public sealed record Row0348(int Id, string Name, int Value);
[SkaftinTable("t0349")] public sealed record Row0349(int Id, string Name, int Value);
[SkaftinTable("t0350")] public sealed record Row0350(int Id, string Name, int Value);
[SkaftinTable("t0351")] public sealed record Row0351(int Id, string Name, int Value);
[SkaftinTable("t0352")] public sealed record Row0352(int Id, string Name, int Value);
[SkaftinTable("t0353")] public sealed record Row0353(int Id, string Name, int Value);
[SkaftinTable("t0354")] public sealed record Row0354(int Id, string Name, int Value);
[SkaftinTable("t0355")] public sealed record Row0355(int Id, string Name, int Value);
[SkaftinTable("t0356")] public sealed record Row0356(int Id, string Name, int Value);
[SkaftinTable("t0357")] public sealed record Row0357(int Id, string Name, int Value);
[SkaftinTable("t0358")] public sealed record Row0358(int Id, string Name, int Value);
[SkaftinTable("t0359")] public sealed record Row0359(int Id, string Name, int Value);
[SkaftinTable("t0360")] public sealed record Row0360(int Id, string Name, int Value);
[SkaftinTable("t0361")] public sealed record Row0361(int Id, string Name, int Value);
[SkaftinTable("t0362")] public sealed record Row0362(int Id, string Name, int Value);
[SkaftinTable("t0363")] public sealed record Row0363(int Id, string Name, int Value);
[SkaftinTable("t0364")] public sealed record Row0364(int Id, string Name, int Value);
[SkaftinTable("t0365")] public sealed record Row0365(int Id, string Name, int Value);
[SkaftinTable("t0366")] public sealed record Row0366(int Id, string Name, int Value);
[SkaftinTable("t0367")] public sealed record Row0367(int Id, string Name, int Value);
[SkaftinTable("t0368")] public sealed record Row0368(int Id, string Name, int Value);
[SkaftinTable("t0369")] public sealed record Row0369(int Id, string Name, int Value);
[SkaftinTable("t0370")] public sealed record Row0370(int Id, string Name, int Value);
[SkaftinTable("t0371")] public sealed record Row0371(int Id, string Name, int Value);
[SkaftinTable("t0372")] public sealed record Row0372(int Id, string Name, int Value);
[SkaftinTable("t0373")] public sealed record Row0373(int Id, string Name, int Value);
[SkaftinTable("t0374")] public sealed record Row0374(int Id, string Name, int Value);
[SkaftinTable("t0375")] public sealed record Row0375(int Id, string Name, int Value);
[SkaftinTable("t0376")] public sealed record Row0376(int Id, string Name, int Value);
[SkaftinTable("t0377")] public sealed record Row0377(int Id, string Name, int Value);
[SkaftinTable("t0378")] public sealed record Row0378(int Id, string Name, int Value);
[SkaftinTable("t0379")] public sealed record Row0379(int Id, string Name, int Value);
[SkaftinTable("t0380")] public sealed record Row0380(int Id, string Name, int Value);
[SkaftinTable("t0381")] public sealed record Row0381(int Id, string Name, int Value);
[SkaftinTable("t0382")] public sealed record Row0382(int Id, string Name, int Value);
[SkaftinTable("t0383")] public sealed record Row0383(int Id, string Name, int Value);
[SkaftinTable("t0384")] public sealed record Row0384(int Id, string Name, int Value);
[SkaftinTable("t0385")] public sealed record Row0385(int Id, string Name, int Value);
[SkaftinTable("t0386")] public sealed record Row0386(int Id, string Name, int Value);
[SkaftinTable("t0387")] public sealed record Row0387(int Id, string Name, int Value);
[SkaftinTable("t0388")] public sealed record Row0388(int Id, string Name, int Value);
[SkaftinTable("t0389")] public sealed record Row0389(int Id, string Name, int Value);
[SkaftinTable("t0390")] public sealed record Row0390(int Id, string Name, int Value);
[SkaftinTable("t0391")] public sealed record Row0391(int Id, string Name, int Value);
[SkaftinTable("t0392")] public sealed record Row0392(int Id, string Name, int Value);
[SkaftinTable("t0393")] public sealed record Row0393(int Id, string Name, int Value);
[SkaftinTable("t0394")] public sealed record Row0394(int Id, string Name, int Value);
[SkaftinTable("t0395")] public sealed record Row0395(int Id, string Name, int Value);
[SkaftinTable("t0396")] public sealed record Row0396(int Id, string Name, int Value);
[SkaftinTable("t0397")] public sealed record Row0397(int Id, string Name, int Value);
[SkaftinTable("t0398")] public sealed record Row0398(int Id, string Name, int Value);
[SkaftinTable("t0399")] public sealed record Row0399(int Id, string Name, int Value);
[SkaftinTable("t0400")] public sealed record Row0400(int Id, string Name, int Value);
[SkaftinTable("t0401")] public sealed record Row0401(int Id, string Name, int Value);
[SkaftinTable("t0402")] public sealed record Row0402(int Id, string Name, int Value);
[SkaftinTable("t0403")] public sealed record Row0403(int Id, string Name, int Value);
[SkaftinTable("t0404")] public sealed record Row0404(int Id, string Name, int Value);
[SkaftinTable("t0405")] public sealed record Row0405(int Id, string Name, int Value);
[SkaftinTable("t0406")] public sealed record Row0406(int Id, string Name, int Value);
[SkaftinTable("t0407")] public sealed record Row0407(int Id, string Name, int Value);
[SkaftinTable("t0408")] public sealed record Row0408(int Id, string Name, int Value);
[SkaftinTable("t0409")] public sealed record Row0409(int Id, string Name, int Value);
[SkaftinTable("t0410")] public sealed record Row0410(int Id, string Name, int Value);
[SkaftinTable("t0411")] public sealed record Row0411(int Id, string Name, int Value);
[SkaftinTable("t0412")] public sealed record Row0412(int Id, string Name, int Value);
[SkaftinTable("t0413")] public sealed record Row0413(int Id, string Name, int Value);
[SkaftinTable("t0414")] public sealed record Row0414(int Id, string Name, int Value);
[SkaftinTable("t0415")] public sealed record Row0415(int Id, string Name, int Value);
[SkaftinTable("t0416")] public sealed record Row0416(int Id, string Name, int Value);
[SkaftinTable("t0417")] public sealed record Row0417(int Id, string Name, int Value);
[SkaftinTable("t0418")] public sealed record Row0418(int Id, string Name, int Value);
[SkaftinTable("t0419")] public sealed record Row0419(int Id, string Name, int Value);
[SkaftinTable("t0420")] public sealed record Row0420(int Id, string Name, int Value);
[SkaftinTable("t0421")] public sealed record Row0421(int Id, string Name, int Value);
[SkaftinTable("t0422")] public sealed record Row0422(int Id, string Name, int Value);
[SkaftinTable("t0423")] public sealed record Row0423(int Id, string Name, int Value);
[SkaftinTable("t0424")] public sealed record Row0424(int Id, string Name, int Value);
[SkaftinTable("t0425")] public sealed record Row0425(int Id, string Name, int Value);
[SkaftinTable("t0426")] public sealed record Row0426(int Id, string Name, int Value);
[SkaftinTable("t0427")] public sealed record Row0427(int Id, string Name, int Value);
[SkaftinTable("t0428")] public sealed record Row0428(int Id, string Name, int Value);
[SkaftinTable("t0429")] public sealed record Row0429(int Id, string Name, int Value);
[SkaftinTable("t0430")] public sealed record Row0430(int Id, string Name, int Value);
[SkaftinTable("t0431")] public sealed record Row0431(int Id, string Name, int Value);
[SkaftinTable("t0432")] public sealed record Row0432(int Id, string Name, int Value);
[SkaftinTable("t0433")] public sealed record Row0433(int Id, string Name, int Value);
[SkaftinTable("t0434")] public sealed record Row0434(int Id, string Name, int Value);
[SkaftinTable("t0435")] public sealed record Row0435(int Id, string Name, int Value);
[SkaftinTable("t0436")] public sealed record Row0436(int Id, string Name, int Value);
[SkaftinTable("t0437")] public sealed record Row0437(int Id, string Name, int Value);
[SkaftinTable("t0438")] public sealed record Row0438(int Id, string Name, int Value);
[SkaftinTable("t0439")] public sealed record Row0439(int Id, string Name, int Value);
[SkaftinTable("t0440")] public sealed record Row0440(int Id, string Name, int Value);
[SkaftinTable("t0441")] public sealed record Row0441(int Id, string Name, int Value);
[SkaftinTable("t0442")] public sealed record Row0442(int Id, string Name, int Value);
[SkaftinTable("t0443")] public sealed record Row0443(int Id, string Name, int Value);
[SkaftinTable("t0444")] public sealed record Row0444(int Id, string Name, int Value);
[SkaftinTable("t0445")] public sealed record Row0445(int Id, string Name, int Value);
[SkaftinTable("t0446")] public sealed record Row0446(int Id, string Name, int Value);
[SkaftinTable("t0447")] public sealed record Row0447(int Id, string Name, int Value);
[SkaftinTable("t0448")] public sealed record Row0448(int Id, string Name, int Value);
[SkaftinTable("t0449")] public sealed record Row0449(int Id, string Name, int Value);
[SkaftinTable("t0450")] public sealed record Row0450(int Id, string Name, int Value);
[SkaftinTable("t0451")] public sealed record Row0451(int Id, string Name, int Value);
[SkaftinTable("t0452")] public sealed record Row0452(int Id, string Name, int Value);
[SkaftinTable("t0453")] public sealed record Row0453(int Id, string Name, int Value);
[SkaftinTable("t0454")] public sealed record Row0454(int Id, string Name, int Value);
[SkaftinTable("t0455")] public sealed record Row0455(int Id, string Name, int Value);
[SkaftinTable("t0456")] public sealed record Row0456(int Id, string Name, int Value);
[SkaftinTable("t0457")] public sealed record Row0457(int Id, string Name, int Value);
[SkaftinTable("t0458")] public sealed record Row0458(int Id, string Name, int Value);
[SkaftinTable("t0459")] public sealed record Row0459(int Id, string Name, int Value);
[SkaftinTable("t0460")] public sealed record Row0460(int Id, string Name, int Value);
[SkaftinTable("t0461")] public sealed record Row0461(int Id, string Name, int Value);
[SkaftinTable("t0462")] public sealed record Row0462(int Id, string Name, int Value);
[SkaftinTable("t0463")] public sealed record Row0463(int Id, string Name, int Value);
[SkaftinTable("t0464")] public sealed record Row0464(int Id, string Name, int Value);
[SkaftinTable("t0465")] public sealed record Row0465(int Id, string Name, int Value);
[SkaftinTable("t0466")] public sealed record Row0466(int Id, string Name, int Value);
[SkaftinTable("t0467")] public sealed record Row0467(int Id, string Name, int Value);
[SkaftinTable("t0468")] public sealed record Row0468(int Id, string Name, int Value);
[SkaftinTable("t0469")] public sealed record Row0469(int Id, string Name, int Value);
[SkaftinTable("t0470")] public sealed record Row0470(int Id, string Name, int Value);
[SkaftinTable("t0471")] public sealed record Row0471(int Id, string Name, int Value);
[SkaftinTable("t0472")] public sealed record Row0472(int Id, string Name, int Value);
[SkaftinTable("t0473")] public sealed record Row0473(int Id, string Name, int Value);
[SkaftinTable("t0474")] public sealed record Row0474(int Id, string Name, int Value);
[SkaftinTable("t0475")] public sealed record Row0475(int Id, string Name, int Value);
[SkaftinTable("t0476")] public sealed record Row0476(int Id, string Name, int Value);
[SkaftinTable("t0477")] public sealed record Row0477(int Id, string Name, int Value);
[SkaftinTable("t0478")] public sealed record Row0478(int Id, string Name, int Value);
[SkaftinTable("t0479")] public sealed record Row0479(int Id, string Name, int Value);
[SkaftinTable("t0480")] public sealed record Row0480(int Id, string Name, int Value);
[SkaftinTable("t0481")] public sealed record Row0481(int Id, string Name, int Value);
[SkaftinTable("t0482")] public sealed record Row0482(int Id, string Name, int Value);
[SkaftinTable("t0483")] public sealed record Row0483(int Id, string Name, int Value);
[SkaftinTable("t0484")] public sealed record Row0484(int Id, string Name, int Value);
[SkaftinTable("t0485")] public sealed record Row0485(int Id, string Name, int Value);
[SkaftinTable("t0486")] public sealed record Row0486(int Id, string Name, int Value);
[SkaftinTable("t0487")] public sealed record Row0487(int Id, string Name, int Value);
[SkaftinTable("t0488")] public sealed record Row0488(int Id, string Name, int Value);
[SkaftinTable("t0489")] public sealed record Row0489(int Id, string Name, int Value);
[SkaftinTable("t0490")] public sealed record Row0490(int Id, string Name, int Value);
[SkaftinTable("t0491")] public sealed record Row0491(int Id, string Name, int Value);
[SkaftinTable("t0492")] public sealed record Row0492(int Id, string Name, int Value);
[SkaftinTable("t0493")] public sealed record Row0493(int Id, string Name, int Value);
[SkaftinTable("t0494")] public sealed record Row0494(int Id, string Name, int Value);
[SkaftinTable("t0495")] public sealed record Row0495(int Id, string Name, int Value);
[SkaftinTable("t0496")] public sealed record Row0496(int Id, string Name, int Value);
[SkaftinTable("t0497")] public sealed record Row0497(int Id, string Name, int Value);
[SkaftinTable("t0498")] public sealed record Row0498(int Id, string Name, int Value);
[SkaftinTable("t0499")] public sealed record Row0499(int Id, string Name, int Value);
[SkaftinTable("t0500")] public sealed record Row0500(int Id, string Name, int Value);
[SkaftinTable("t0501")] public sealed record Row0501(int Id, string Name, int Value);
[SkaftinTable("t0502")] public sealed record Row0502(int Id, string Name, int Value);
[SkaftinTable("t0503")] public sealed record Row0503(int Id, string Name, int Value);
[SkaftinTable("t0504")] public sealed record Row0504(int Id, string Name, int Value);
[SkaftinTable("t0505")] public sealed record Row0505(int Id, string Name, int Value);
[SkaftinTable("t0506")] public sealed record Row0506(int Id, string Name, int Value);
[SkaftinTable("t0507")] public sealed record Row0507(int Id, string Name, int Value);
[SkaftinTable("t0508")] public sealed record Row0508(int Id, string Name, int Value);
[SkaftinTable("t0509")] public sealed record Row0509(int Id, string Name, int Value);
[SkaftinTable("t0510")] public sealed record Row0510(int Id, string Name, int Value);
[SkaftinTable("t0511")] public sealed record Row0511(int Id, string Name, int Value);
[SkaftinTable("t0512")] public sealed record Row0512(int Id, string Name, int Value);
[SkaftinTable("t0513")] public sealed record Row0513(int Id, string Name, int Value);
[SkaftinTable("t0514")] public sealed record Row0514(int Id, string Name, int Value);
[SkaftinTable("t0515")] public sealed record Row0515(int Id, string Name, int Value);
[SkaftinTable("t0516")] public sealed record Row0516(int Id, string Name, int Value);
[SkaftinTable("t0517")] public sealed record Row0517(int Id, string Name, int Value);
[SkaftinTable("t0518")] public sealed record Row0518(int Id, string Name, int Value);
[SkaftinTable("t0519")] public sealed record Row0519(int Id, string Name, int Value);
[SkaftinTable("t0520")] public sealed record Row0520(int Id, string Name, int Value);
[SkaftinTable("t0521")] public sealed record Row0521(int Id, string Name, int Value);
[SkaftinTable("t0522")] public sealed record Row0522(int Id, string Name, int Value);
[SkaftinTable("t0523")] public sealed record Row0523(int Id, string Name, int Value);
[SkaftinTable("t0524")] public sealed record Row0524(int Id, string Name, int Value);
[SkaftinTable("t0525")] public sealed record Row0525(int Id, string Name, int Value);
[SkaftinTable("t0526")] public sealed record Row0526(int Id, string Name, int Value);
[SkaftinTable("t0527")] public sealed record Row0527(int Id, string Name, int Value);
[SkaftinTable("t0528")] public sealed record Row0528(int Id, string Name, int Value);
[SkaftinTable("t0529")] public sealed record Row0529(int Id, string Name, int Value);
[SkaftinTable("t0530")] public sealed record Row0530(int Id, string Name, int Value);
[SkaftinTable("t0531")] public sealed record Row0531(int Id, string Name, int Value);
[SkaftinTable("t0532")] public sealed record Row0532(int Id, string Name, int Value);
[SkaftinTable("t0533")] public sealed record Row0533(int Id, string Name, int Value);
[SkaftinTable("t0534")] public sealed record Row0534(int Id, string Name, int Value);
[SkaftinTable("t0535")] public sealed record Row0535(int Id, string Name, int Value);
[SkaftinTable("t0536")] public sealed record Row0536(int Id, string Name, int Value);
[SkaftinTable("t0537")] public sealed record Row0537(int Id, string Name, int Value);
[SkaftinTable("t0538")] public sealed record Row0538(int Id, string Name, int Value);
[SkaftinTable("t0539")] public sealed record Row0539(int Id, string Name, int Value);
[SkaftinTable("t0540")] public sealed record Row0540(int Id, string Name, int Value);
[SkaftinTable("t0541")] public sealed record Row0541(int Id, string Name, int Value);
[SkaftinTable("t0542")] public sealed record Row0542(int Id, string Name, int Value);
[SkaftinTable("t0543")] public sealed record Row0543(int Id, string Name, int Value);
[SkaftinTable("t0544")] public sealed record Row0544(int Id, string Name, int Value);
[SkaftinTable("t0545")] public sealed record Row0545(int Id, string Name, int Value);
[SkaftinTable("t0546")] public sealed record Row0546(int Id, string Name, int Value);
[SkaftinTable("t0547")] public sealed record Row0547(int Id, string Name, int Value);
[SkaftinTable("t0548")] public sealed record Row0548(int Id, string Name, int Value);
[SkaftinTable("t0549")] public sealed record Row0549(int Id, string Name, int Value);
[SkaftinTable("t0550")] public sealed record Row0550(int Id, string Name, int Value);
[SkaftinTable("t0551")] public sealed record Row0551(int Id, string Name, int Value);
[SkaftinTable("t0552")] public sealed record Row0552(int Id, string Name, int Value);
[SkaftinTable("t0553")] public sealed record Row0553(int Id, string Name, int Value);
[SkaftinTable("t0554")] public sealed record Row0554(int Id, string Name, int Value);
[SkaftinTable("t0555")] public sealed record Row0555(int Id, string Name, int Value);
[SkaftinTable("t0556")] public sealed record Row0556(int Id, string Name, int Value);
[SkaftinTable("t0557")] public sealed record Row0557(int Id, string Name, int Value);
[SkaftinTable("t0558")] public sealed record Row0558(int Id, string Name, int Value);
[SkaftinTable("t0559")] public sealed record Row0559(int Id, string Name, int Value);
[SkaftinTable("t0560")] public sealed record Row0560(int Id, string Name, int Value);
[SkaftinTable("t0561")] public sealed record Row0561(int Id, string Name, int Value);
[SkaftinTable("t0562")] public sealed record Row0562(int Id, string Name, int Value);
[SkaftinTable("t0563")] public sealed record Row0563(int Id, string Name, int Value);
[SkaftinTable("t0564")] public sealed record Row0564(int Id, string Name, int Value);
[SkaftinTable("t0565")] public sealed record Row0565(int Id, string Name, int Value);
[SkaftinTable("t0566")] public sealed record Row0566(int Id, string Name, int Value);
[SkaftinTable("t0567")] public sealed record Row0567(int Id, string Name, int Value);
[SkaftinTable("t0568")] public sealed record Row0568(int Id, string Name, int Value);
[SkaftinTable("t0569")] public sealed record Row0569(int Id, string Name, int Value);
[SkaftinTable("t0570")] public sealed record Row0570(int Id, string Name, int Value);
[SkaftinTable("t0571")] public sealed record Row0571(int Id, string Name, int Value);
[SkaftinTable("t0572")] public sealed record Row0572(int Id, string Name, int Value);
[SkaftinTable("t0573")] public sealed record Row0573(int Id, string Name, int Value);
[SkaftinTable("t0574")] public sealed record Row0574(int Id, string Name, int Value);
[SkaftinTable("t0575")] public sealed record Row0575(int Id, string Name, int Value);
[SkaftinTable("t0576")] public sealed record Row0576(int Id, string Name, int Value);
[SkaftinTable("t0577")] public sealed record Row0577(int Id, string Name, int Value);
[SkaftinTable("t0578")] public sealed record Row0578(int Id, string Name, int Value);
[SkaftinTable("t0579")] public sealed record Row0579(int Id, string Name, int Value);
[SkaftinTable("t0580")] public sealed record Row0580(int Id, string Name, int Value);
[SkaftinTable("t0581")] public sealed record Row0581(int Id, string Name, int Value);
[SkaftinTable("t0582")] public sealed record Row0582(int Id, string Name, int Value);
[SkaftinTable("t0583")] public sealed record Row0583(int Id, string Name, int Value);
[SkaftinTable("t0584")] public sealed record Row0584(int Id, string Name, int Value);
[SkaftinTable("t0585")] public sealed record Row0585(int Id, string Name, int Value);
[SkaftinTable("t0586")] public sealed record Row0586(int Id, string Name, int Value);
[SkaftinTable("t0587")] public sealed record Row0587(int Id, string Name, int Value);
[SkaftinTable("t0588")] public sealed record Row0588(int Id, string Name, int Value);
[SkaftinTable("t0589")] public sealed record Row0589(int Id, string Name, int Value);
[SkaftinTable("t0590")] public sealed record Row0590(int Id, string Name, int Value);
[SkaftinTable("t0591")] public sealed record Row0591(int Id, string Name, int Value);
[SkaftinTable("t0592")] public sealed record Row0592(int Id, string Name, int Value);
[SkaftinTable("t0593")] public sealed record Row0593(int Id, string Name, int Value);
[SkaftinTable("t0594")] public sealed record Row0594(int Id, string Name, int Value);
[SkaftinTable("t0595")] public sealed record Row0595(int Id, string Name, int Value);
[SkaftinTable("t0596")] public sealed record Row0596(int Id, string Name, int Value);
[SkaftinTable("t0597")] public sealed record Row0597(int Id, string Name, int Value);
[SkaftinTable("t0598")] public sealed record Row0598(int Id, string Name, int Value);
[SkaftinTable("t0599")] public sealed record Row0599(int Id, string Name, int Value);
[SkaftinTable("t0600")] public sealed record Row0600(int Id, string Name, int Value);
[SkaftinTable("t0601")] public sealed record Row0601(int Id, string Name, int Value);
[SkaftinTable("t0602")] public sealed record Row0602(int Id, string Name, int Value);
[SkaftinTable("t0603")] public sealed record Row0603(int Id, string Name, int Value);
[SkaftinTable("t0604")] public sealed record Row0604(int Id, string Name, int Value);
[SkaftinTable("t0605")] public sealed record Row0605(int Id, string Name, int Value);
[SkaftinTable("t0606")] public sealed record Row0606(int Id, string Name, int Value);
[SkaftinTable("t0607")] public sealed record Row0607(int Id, string Name, int Value);
[SkaftinTable("t0608")] public sealed record Row0608(int Id, string Name, int Value);
[SkaftinTable("t0609")] public sealed record Row0609(int Id, string Name, int Value);
[SkaftinTable("t0610")] public sealed record Row0610(int Id, string Name, int Value);
[SkaftinTable("t0611")] public sealed record Row0611(int Id, string Name, int Value);
[SkaftinTable("t0612")] public sealed record Row0612(int Id, string Name, int Value);
[SkaftinTable("t0613")] public sealed record Row0613(int Id, string Name, int Value);
[SkaftinTable("t0614")] public sealed record Row0614(int Id, string Name, int Value);
[SkaftinTable("t0615")] public sealed record Row0615(int Id, string Name, int Value);
[SkaftinTable("t0616")] public sealed record Row0616(int Id, string Name, int Value);
[SkaftinTable("t0617")] public sealed record Row0617(int Id, string Name, int Value);
[SkaftinTable("t0618")] public sealed record Row0618(int Id, string Name, int Value);
[SkaftinTable("t0619")] public sealed record Row0619(int Id, string Name, int Value);
[SkaftinTable("t0620")] public sealed record Row0620(int Id, string Name, int Value);
[SkaftinTable("t0621")] public sealed record Row0621(int Id, string Name, int Value);
[SkaftinTable("t0622")] public sealed record Row0622(int Id, string Name, int Value);
[SkaftinTable("t0623")] public sealed record Row0623(int Id, string Name, int Value);
[SkaftinTable("t0624")] public sealed record Row0624(int Id, string Name, int Value);
[SkaftinTable("t0625")] public sealed record Row0625(int Id, string Name, int Value);
[SkaftinTable("t0626")] public sealed record Row0626(int Id, string Name, int Value);
[SkaftinTable("t0627")] public sealed record Row0627(int Id, string Name, int Value);
[SkaftinTable("t0628")] public sealed record Row0628(int Id, string Name, int Value);
[SkaftinTable("t0629")] public sealed record Row0629(int Id, string Name, int Value);
[SkaftinTable("t0630")] public sealed record Row0630(int Id, string Name, int Value);
[SkaftinTable("t0631")] public sealed record Row0631(int Id, string Name, int Value);
[SkaftinTable("t0632")] public sealed record Row0632(int Id, string Name, int Value);
[SkaftinTable("t0633")] public sealed record Row0633(int Id, string Name, int Value);
[SkaftinTable("t0634")] public sealed record Row0634(int Id, string Name, int Value);
[SkaftinTable("t0635")] public sealed record Row0635(int Id, string Name, int Value);
[SkaftinTable("t0636")] public sealed record Row0636(int Id, string Name, int Value);
[SkaftinTable("t0637")] public sealed record Row0637(int Id, string Name, int Value);
[SkaftinTable("t0638")] public sealed record Row0638(int Id, string Name, int Value);
[SkaftinTable("t0639")] public sealed record Row0639(int Id, string Name, int Value);
[SkaftinTable("t0640")] public sealed record Row0640(int Id, string Name, int Value);
[SkaftinTable("t0641")] public sealed record Row0641(int Id, string Name, int Value);
[SkaftinTable("t0642")] public sealed record Row0642(int Id, string Name, int Value);
[SkaftinTable("t0643")] public sealed record Row0643(int Id, string Name, int Value);
[SkaftinTable("t0644")] public sealed record Row0644(int Id, string Name, int Value);
[SkaftinTable("t0645")] public sealed record Row0645(int Id, string Name, int Value);
[SkaftinTable("t0646")] public sealed record Row0646(int Id, string Name, int Value);
[SkaftinTable("t0647")] public sealed record Row0647(int Id, string Name, int Value);
[SkaftinTable("t0648")] public sealed record Row0648(int Id, string Name, int Value);
[SkaftinTable("t0649")] public sealed record Row0649(int Id, string Name, int Value);
[SkaftinTable("t0650")] public sealed record Row0650(int Id, string Name, int Value);
[SkaftinTable("t0651")] public sealed record Row0651(int Id, string Name, int Value);
[SkaftinTable("t0652")] public sealed record Row0652(int Id, string Name, int Value);
[SkaftinTable("t0653")] public sealed record Row0653(int Id, string Name, int Value);
[SkaftinTable("t0654")] public sealed record Row0654(int Id, string Name, int Value);
[SkaftinTable("t0655")] public sealed record Row0655(int Id, string Name, int Value);
[SkaftinTable("t0656")] public sealed record Row0656(int Id, string Name, int Value);
[SkaftinTable("t0657")] public sealed record Row0657(int Id, string Name, int Value);
[SkaftinTable("t0658")] public sealed record Row0658(int Id, string Name, int Value);
[SkaftinTable("t0659")] public sealed record Row0659(int Id, string Name, int Value);
[SkaftinTable("t0660")] public sealed record Row0660(int Id, string Name, int Value);
[SkaftinTable("t0661")] public sealed record Row0661(int Id, string Name, int Value);
[SkaftinTable("t0662")] public sealed record Row0662(int Id, string Name, int Value);
[SkaftinTable("t0663")] public sealed record Row0663(int Id, string Name, int Value);
[SkaftinTable("t0664")] public sealed record Row0664(int Id, string Name, int Value);
[SkaftinTable("t0665")] public sealed record Row0665(int Id, string Name, int Value);
[SkaftinTable("t0666")] public sealed record Row0666(int Id, string Name, int Value);
[SkaftinTable("t0667")] public sealed record Row0667(int Id, string Name, int Value);
[SkaftinTable("t0668")] public sealed record Row0668(int Id, string Name, int Value);
[SkaftinTable("t0669")] public sealed record Row0669(int Id, string Name, int Value);
[SkaftinTable("t0670")] public sealed record Row0670(int Id, string Name, int Value);
[SkaftinTable("t0671")] public sealed record Row0671(int Id, string Name, int Value);
[SkaftinTable("t0672")] public sealed record Row0672(int Id, string Name, int Value);
[SkaftinTable("t0673")] public sealed record Row0673(int Id, string Name, int Value);
[SkaftinTable("t0674")] public sealed record Row0674(int Id, string Name, int Value);
[SkaftinTable("t0675")] public sealed record Row0675(int Id, string Name, int Value);
[SkaftinTable("t0676")] public sealed record Row0676(int Id, string Name, int Value);
[SkaftinTable("t0677")] public sealed record Row0677(int Id, string Name, int Value);
[SkaftinTable("t0678")] public sealed record Row0678(int Id, string Name, int Value);
[SkaftinTable("t0679")] public sealed record Row0679(int Id, string Name, int Value);
[SkaftinTable("t0680")] public sealed record Row0680(int Id, string Name, int Value);
[SkaftinTable("t0681")] public sealed record Row0681(int Id, string Name, int Value);
[SkaftinTable("t0682")] public sealed record Row0682(int Id, string Name, int Value);
[SkaftinTable("t0683")] public sealed record Row0683(int Id, string Name, int Value);
[SkaftinTable("t0684")] public sealed record Row0684(int Id, string Name, int Value);
[SkaftinTable("t0685")] public sealed record Row0685(int Id, string Name, int Value);
[SkaftinTable("t0686")] public sealed record Row0686(int Id, string Name, int Value);
[SkaftinTable("t0687")] public sealed record Row0687(int Id, string Name, int Value);
[SkaftinTable("t0688")] public sealed record Row0688(int Id, string Name, int Value);
[SkaftinTable("t0689")] public sealed record Row0689(int Id, string Name, int Value);
[SkaftinTable("t0690")] public sealed record Row0690(int Id, string Name, int Value);
[SkaftinTable("t0691")] public sealed record Row0691(int Id, string Name, int Value);
[SkaftinTable("t0692")] public sealed record Row0692(int Id, string Name, int Value);
[SkaftinTable("t0693")] public sealed record Row0693(int Id, string Name, int Value);
[SkaftinTable("t0694")] public sealed record Row0694(int Id, string Name, int Value);
[SkaftinTable("t0695")] public sealed record Row0695(int Id, string Name, int Value);
[SkaftinTable("t0696")] public sealed record Row0696(int Id, string Name, int Value);
[SkaftinTable("t0697")] public sealed record Row0697(int Id, string Name, int Value);
[SkaftinTable("t0698")] public sealed record Row0698(int Id, string Name, int Value);
[SkaftinTable("t0699")] public sealed record Row0699(int Id, string Name, int Value);
[SkaftinTable("t0700")] public sealed record Row0700(int Id, string Name, int Value);
[SkaftinTable("t0701")] public sealed record Row0701(int Id, string Name, int Value);
[SkaftinTable("t0702")] public sealed record Row0702(int Id, string Name, int Value);
[SkaftinTable("t0703")] public sealed record Row0703(int Id, string Name, int Value);
[SkaftinTable("t0704")] public sealed record Row0704(int Id, string Name, int Value);
[SkaftinTable("t0705")] public sealed record Row0705(int Id, string Name, int Value);
[SkaftinTable("t0706")] public sealed record Row0706(int Id, string Name, int Value);
[SkaftinTable("t0707")] public sealed record Row0707(int Id, string Name, int Value);
[SkaftinTable("t0708")] public sealed record Row0708(int Id, string Name, int Value);
[SkaftinTable("t0709")] public sealed record Row0709(int Id, string Name, int Value);
[SkaftinTable("t0710")] public sealed record Row0710(int Id, string Name, int Value);
[SkaftinTable("t0711")] public sealed record Row0711(int Id, string Name, int Value);
[SkaftinTable("t0712")] public sealed record Row0712(int Id, string Name, int Value);
[SkaftinTable("t0713")] public sealed record Row0713(int Id, string Name, int Value);
[SkaftinTable("t0714")] public sealed record Row0714(int Id, string Name, int Value);
[SkaftinTable("t0715")] public sealed record Row0715(int Id, string Name, int Value);
[SkaftinTable("t0716")] public sealed record Row0716(int Id, string Name, int Value);
[SkaftinTable("t0717")] public sealed record Row0717(int Id, string Name, int Value);
[SkaftinTable("t0718")] public sealed record Row0718(int Id, string Name, int Value);
[SkaftinTable("t0719")] public sealed record Row0719(int Id, string Name, int Value);
[SkaftinTable("t0720")] public sealed record Row0720(int Id, string Name, int Value);
[SkaftinTable("t0721")] public sealed record Row0721(int Id, string Name, int Value);
[SkaftinTable("t0722")] public sealed record Row0722(int Id, string Name, int Value);
[SkaftinTable("t0723")] public sealed record Row0723(int Id, string Name, int Value);
[SkaftinTable("t0724")] public sealed record Row0724(int Id, string Name, int Value);
[SkaftinTable("t0725")] public sealed record Row0725(int Id, string Name, int Value);
[SkaftinTable("t0726")] public sealed record Row0726(int Id, string Name, int Value);
[SkaftinTable("t0727")] public sealed record Row0727(int Id, string Name, int Value);
[SkaftinTable("t0728")] public sealed record Row0728(int Id, string Name, int Value);
[SkaftinTable("t0729")] public sealed record Row0729(int Id, string Name, int Value);
[SkaftinTable("t0730")] public sealed record Row0730(int Id, string Name, int Value);
[SkaftinTable("t0731")] public sealed record Row0731(int Id, string Name, int Value);
[SkaftinTable("t0732")] public sealed record Row0732(int Id, string Name, int Value);
[SkaftinTable("t0733")] public sealed record Row0733(int Id, string Name, int Value);
[SkaftinTable("t0734")] public sealed record Row0734(int Id, string Name, int Value);
[SkaftinTable("t0735")] public sealed record Row0735(int Id, string Name, int Value);
[SkaftinTable("t0736")] public sealed record Row0736(int Id, string Name, int Value);
[SkaftinTable("t0737")] public sealed record Row0737(int Id, string Name, int Value);
[SkaftinTable("t0738")] public sealed record Row0738(int Id, string Name, int Value);
[SkaftinTable("t0739")] public sealed record Row0739(int Id, string Name, int Value);
[SkaftinTable("t0740")] public sealed record Row0740(int Id, string Name, int Value);
[SkaftinTable("t0741")] public sealed record Row0741(int Id, string Name, int Value);
[SkaftinTable("t0742")] public sealed record Row0742(int Id, string Name, int Value);
[SkaftinTable("t0743")] public sealed record Row0743(int Id, string Name, int Value);
[SkaftinTable("t0744")] public sealed record Row0744(int Id, string Name, int Value);
[SkaftinTable("t0745")] public sealed record Row0745(int Id, string Name, int Value);
[SkaftinTable("t0746")] public sealed record Row0746(int Id, string Name, int Value);
[SkaftinTable("t0747")] public sealed record Row0747(int Id, string Name, int Value);
[SkaftinTable("t0748")] public sealed record Row0748(int Id, string Name, int Value);
[SkaftinTable("t0749")] public sealed record Row0749(int Id, string Name, int Value);
[SkaftinTable("t0750")] public sealed record Row0750(int Id, string Name, int Value);
[SkaftinTable("t0751")] public sealed record Row0751(int Id, string Name, int Value);
[SkaftinTable("t0752")] public sealed record Row0752(int Id, string Name, int Value);
[SkaftinTable("t0753")] public sealed record Row0753(int Id, string Name, int Value);
[SkaftinTable("t0754")] public sealed record Row0754(int Id, string Name, int Value);
[SkaftinTable("t0755")] public sealed record Row0755(int Id, string Name, int Value);
[SkaftinTable("t0756")] public sealed record Row0756(int Id, string Name, int Value);
[SkaftinTable("t0757")] public sealed record Row0757(int Id, string Name, int Value);
[SkaftinTable("t0758")] public sealed record Row0758(int Id, string Name, int Value);
[SkaftinTable("t0759")] public sealed record Row0759(int Id, string Name, int Value);
[SkaftinTable("t0760")] public sealed record Row0760(int Id, string Name, int Value);
[SkaftinTable("t0761")] public sealed record Row0761(int Id, string Name, int Value);
[SkaftinTable("t0762")] public sealed record Row0762(int Id, string Name, int Value);
[SkaftinTable("t0763")] public sealed record Row0763(int Id, string Name, int Value);
[SkaftinTable("t0764")] public sealed record Row0764(int Id, string Name, int Value);
[SkaftinTable("t0765")] public sealed record Row0765(int Id, string Name, int Value);
[SkaftinTable("t0766")] public sealed record Row0766(int Id, string Name, int Value);
[SkaftinTable("t0767")] public sealed record Row0767(int Id, string Name, int Value);
[SkaftinTable("t0768")] public sealed record Row0768(int Id, string Name, int Value);
[SkaftinTable("t0769")] public sealed record Row0769(int Id, string Name, int Value);
[SkaftinTable("t0770")] public sealed record Row0770(int Id, string Name, int Value);
[SkaftinTable("t0771")] public sealed record Row0771(int Id, string Name, int Value);
[SkaftinTable("t0772")] public sealed record Row0772(int Id, string Name, int Value);
[SkaftinTable("t0773")] public sealed record Row0773(int Id, string Name, int Value);
[SkaftinTable("t0774")] public sealed record Row0774(int Id, string Name, int Value);
[SkaftinTable("t0775")] public sealed record Row0775(int Id, string Name, int Value);
[SkaftinTable("t0776")] public sealed record Row0776(int Id, string Name, int Value);
[SkaftinTable("t0777")] public sealed record Row0777(int Id, string Name, int Value);
[SkaftinTable("t0778")] public sealed record Row0778(int Id, string Name, int Value);
[SkaftinTable("t0779")] public sealed record Row0779(int Id, string Name, int Value);
[SkaftinTable("t0780")] public sealed record Row0780(int Id, string Name, int Value);
[SkaftinTable("t0781")] public sealed record Row0781(int Id, string Name, int Value);
[SkaftinTable("t0782")] public sealed record Row0782(int Id, string Name, int Value);
[SkaftinTable("t0783")] public sealed record Row0783(int Id, string Name, int Value);
[SkaftinTable("t0784")] public sealed record Row0784(int Id, string Name, int Value);
[SkaftinTable("t0785")] public sealed record Row0785(int Id, string Name, int Value);
[SkaftinTable("t0786")] public sealed record Row0786(int Id, string Name, int Value);
[SkaftinTable("t0787")] public sealed record Row0787(int Id, string Name, int Value);
[SkaftinTable("t0788")] public sealed record Row0788(int Id, string Name, int Value);
[SkaftinTable("t0789")] public sealed record Row0789(int Id, string Name, int Value);
[SkaftinTable("t0790")] public sealed record Row0790(int Id, string Name, int Value);
[SkaftinTable("t0791")] public sealed record Row0791(int Id, string Name, int Value);
[SkaftinTable("t0792")] public sealed record Row0792(int Id, string Name, int Value);
[SkaftinTable("t0793")] public sealed record Row0793(int Id, string Name, int Value);
[SkaftinTable("t0794")] public sealed record Row0794(int Id, string Name, int Value);
[SkaftinTable("t0795")] public sealed record Row0795(int Id, string Name, int Value);
[SkaftinTable("t0796")] public sealed record Row0796(int Id, string Name, int Value);
[SkaftinTable("t0797")] public sealed record Row0797(int Id, string Name, int Value);
[SkaftinTable("t0798")] public sealed record Row0798(int Id, string Name, int Value);
[SkaftinTable("t0799")] public sealed record Row0799(int Id, string Name, int Value);
[SkaftinTable("t0800")] public sealed record Row0800(int Id, string Name, int Value);
[SkaftinTable("t0801")] public sealed record Row0801(int Id, string Name, int Value);
[SkaftinTable("t0802")] public sealed record Row0802(int Id, string Name, int Value);
[SkaftinTable("t0803")] public sealed record Row0803(int Id, string Name, int Value);
[SkaftinTable("t0804")] public sealed record Row0804(int Id, string Name, int Value);
[SkaftinTable("t0805")] public sealed record Row0805(int Id, string Name, int Value);
[SkaftinTable("t0806")] public sealed record Row0806(int Id, string Name, int Value);
[SkaftinTable("t0807")] public sealed record Row0807(int Id, string Name, int Value);
[SkaftinTable("t0808")] public sealed record Row0808(int Id, string Name, int Value);
[SkaftinTable("t0809")] public sealed record Row0809(int Id, string Name, int Value);
[SkaftinTable("t0810")] public sealed record Row0810(int Id, string Name, int Value);
[SkaftinTable("t0811")] public sealed record Row0811(int Id, string Name, int Value);
[SkaftinTable("t0812")] public sealed record Row0812(int Id, string Name, int Value);
[SkaftinTable("t0813")] public sealed record Row0813(int Id, string Name, int Value);
[SkaftinTable("t0814")] public sealed record Row0814(int Id, string Name, int Value);
[SkaftinTable("t0815")] public sealed record Row0815(int Id, string Name, int Value);
[SkaftinTable("t0816")] public sealed record Row0816(int Id, string Name, int Value);
[SkaftinTable("t0817")] public sealed record Row0817(int Id, string Name, int Value);
[SkaftinTable("t0818")] public sealed record Row0818(int Id, string Name, int Value);
[SkaftinTable("t0819")] public sealed record Row0819(int Id, string Name, int Value);
[SkaftinTable("t0820")] public sealed record Row0820(int Id, string Name, int Value);
[SkaftinTable("t0821")] public sealed record Row0821(int Id, string Name, int Value);
[SkaftinTable("t0822")] public sealed record Row0822(int Id, string Name, int Value);
[SkaftinTable("t0823")] public sealed record Row0823(int Id, string Name, int Value);
[SkaftinTable("t0824")] public sealed record Row0824(int Id, string Name, int Value);
[SkaftinTable("t0825")] public sealed record Row0825(int Id, string Name, int Value);
[SkaftinTable("t0826")] public sealed record Row0826(int Id, string Name, int Value);
[SkaftinTable("t0827")] public sealed record Row0827(int Id, string Name, int Value);
[SkaftinTable("t0828")] public sealed record Row0828(int Id, string Name, int Value);
[SkaftinTable("t0829")] public sealed record Row0829(int Id, string Name, int Value);
[SkaftinTable("t0830")] public sealed record Row0830(int Id, string Name, int Value);
[SkaftinTable("t0831")] public sealed record Row0831(int Id, string Name, int Value);
[SkaftinTable("t0832")] public sealed record Row0832(int Id, string Name, int Value);
[SkaftinTable("t0833")] public sealed record Row0833(int Id, string Name, int Value);
[SkaftinTable("t0834")] public sealed record Row0834(int Id, string Name, int Value);
[SkaftinTable("t0835")] public sealed record Row0835(int Id, string Name, int Value);
[SkaftinTable("t0836")] public sealed record Row0836(int Id, string Name, int Value);
[SkaftinTable("t0837")] public sealed record Row0837(int Id, string Name, int Value);
[SkaftinTable("t0838")] public sealed record Row0838(int Id, string Name, int Value);
[SkaftinTable("t0839")] public sealed record Row0839(int Id, string Name, int Value);
[SkaftinTable("t0840")] public sealed record Row0840(int Id, string Name, int Value);
[SkaftinTable("t0841")] public sealed record Row0841(int Id, string Name, int Value);
[SkaftinTable("t0842")] public sealed record Row0842(int Id, string Name, int Value);
[SkaftinTable("t0843")] public sealed record Row0843(int Id, string Name, int Value);
[SkaftinTable("t0844")] public sealed record Row0844(int Id, string Name, int Value);
[SkaftinTable("t0845")] public sealed record Row0845(int Id, string Name, int Value);
[SkaftinTable("t0846")] public sealed record Row0846(int Id, string Name, int Value);
[SkaftinTable("t0847")] public sealed record Row0847(int Id, string Name, int Value);
[SkaftinTable("t0848")] public sealed record Row0848(int Id, string Name, int Value);
[SkaftinTable("t0849")] public sealed record Row0849(int Id, string Name, int Value);
[SkaftinTable("t0850")] public sealed record Row0850(int Id, string Name, int Value);
[SkaftinTable("t0851")] public sealed record Row0851(int Id, string Name, int Value);
[SkaftinTable("t0852")] public sealed record Row0852(int Id, string Name, int Value);
[SkaftinTable("t0853")] public sealed record Row0853(int Id, string Name, int Value);
[SkaftinTable("t0854")] public sealed record Row0854(int Id, string Name, int Value);
[SkaftinTable("t0855")] public sealed record Row0855(int Id, string Name, int Value);
[SkaftinTable("t0856")] public sealed record Row0856(int Id, string Name, int Value);
[SkaftinTable("t0857")] public sealed record Row0857(int Id, string Name, int Value);
[SkaftinTable("t0858")] public sealed record Row0858(int Id, string Name, int Value);
[SkaftinTable("t0859")] public sealed record Row0859(int Id, string Name, int Value);
[SkaftinTable("t0860")] public sealed record Row0860(int Id, string Name, int Value);
[SkaftinTable("t0861")] public sealed record Row0861(int Id, string Name, int Value);
[SkaftinTable("t0862")] public sealed record Row0862(int Id, string Name, int Value);
[SkaftinTable("t0863")] public sealed record Row0863(int Id, string Name, int Value);
[SkaftinTable("t0864")] public sealed record Row0864(int Id, string Name, int Value);
[SkaftinTable("t0865")] public sealed record Row0865(int Id, string Name, int Value);
[SkaftinTable("t0866")] public sealed record Row0866(int Id, string Name, int Value);
[SkaftinTable("t0867")] public sealed record Row0867(int Id, string Name, int Value);
[SkaftinTable("t0868")] public sealed record Row0868(int Id, string Name, int Value);
[SkaftinTable("t0869")] public sealed record Row0869(int Id, string Name, int Value);
[SkaftinTable("t0870")] public sealed record Row0870(int Id, string Name, int Value);
[SkaftinTable("t0871")] public sealed record Row0871(int Id, string Name, int Value);
[SkaftinTable("t0872")] public sealed record Row0872(int Id, string Name, int Value);
[SkaftinTable("t0873")] public sealed record Row0873(int Id, string Name, int Value);
[SkaftinTable("t0874")] public sealed record Row0874(int Id, string Name, int Value);
[SkaftinTable("t0875")] public sealed record Row0875(int Id, string Name, int Value);
[SkaftinTable("t0876")] public sealed record Row0876(int Id, string Name, int Value);
[SkaftinTable("t0877")] public sealed record Row0877(int Id, string Name, int Value);
[SkaftinTable("t0878")] public sealed record Row0878(int Id, string Name, int Value);
[SkaftinTable("t0879")] public sealed record Row0879(int Id, string Name, int Value);
[SkaftinTable("t0880")] public sealed record Row0880(int Id, string Name, int Value);
[SkaftinTable("t0881")] public sealed record Row0881(int Id, string Name, int Value);
[SkaftinTable("t0882")] public sealed record Row0882(int Id, string Name, int Value);
[SkaftinTable("t0883")] public sealed record Row0883(int Id, string Name, int Value);
[SkaftinTable("t0884")] public sealed record Row0884(int Id, string Name, int Value);
[SkaftinTable("t0885")] public sealed record Row0885(int Id, string Name, int Value);
[SkaftinTable("t0886")] public sealed record Row0886(int Id, string Name, int Value);
[SkaftinTable("t0887")] public sealed record Row0887(int Id, string Name, int Value);
[SkaftinTable("t0888")] public sealed record Row0888(int Id, string Name, int Value);
[SkaftinTable("t0889")] public sealed record Row0889(int Id, string Name, int Value);
[SkaftinTable("t0890")] public sealed record Row0890(int Id, string Name, int Value);
[SkaftinTable("t0891")] public sealed record Row0891(int Id, string Name, int Value);
[SkaftinTable("t0892")] public sealed record Row0892(int Id, string Name, int Value);
[SkaftinTable("t0893")] public sealed record Row0893(int Id, string Name, int Value);
[SkaftinTable("t0894")] public sealed record Row0894(int Id, string Name, int Value);
[SkaftinTable("t0895")] public sealed record Row0895(int Id, string Name, int Value);
[SkaftinTable("t0896")] public sealed record Row0896(int Id, string Name, int Value);
[SkaftinTable("t0897")] public sealed record Row0897(int Id, string Name, int Value);
[SkaftinTable("t0898")] public sealed record Row0898(int Id, string Name, int Value);
[SkaftinTable("t0899")] public sealed record Row0899(int Id, string Name, int Value);
[SkaftinTable("t0900")] public sealed record Row0900(int Id, string Name, int Value);
[SkaftinTable("t0901")] public sealed record Row0901(int Id, string Name, int Value);
[SkaftinTable("t0902")] public sealed record Row0902(int Id, string Name, int Value);
[SkaftinTable("t0903")] public sealed record Row0903(int Id, string Name, int Value);
[SkaftinTable("t0904")] public sealed record Row0904(int Id, string Name, int Value);
[SkaftinTable("t0905")] public sealed record Row0905(int Id, string Name, int Value);
[SkaftinTable("t0906")] public sealed record Row0906(int Id, string Name, int Value);
[SkaftinTable("t0907")] public sealed record Row0907(int Id, string Name, int Value);
[SkaftinTable("t0908")] public sealed record Row0908(int Id, string Name, int Value);
[SkaftinTable("t0909")] public sealed record Row0909(int Id, string Name, int Value);
[SkaftinTable("t0910")] public sealed record Row0910(int Id, string Name, int Value);
[SkaftinTable("t0911")] public sealed record Row0911(int Id, string Name, int Value);
[SkaftinTable("t0912")] public sealed record Row0912(int Id, string Name, int Value);
[SkaftinTable("t0913")] public sealed record Row0913(int Id, string Name, int Value);
[SkaftinTable("t0914")] public sealed record Row0914(int Id, string Name, int Value);
[SkaftinTable("t0915")] public sealed record Row0915(int Id, string Name, int Value);
[SkaftinTable("t0916")] public sealed record Row0916(int Id, string Name, int Value);
[SkaftinTable("t0917")] public sealed record Row0917(int Id, string Name, int Value);
[SkaftinTable("t0918")] public sealed record Row0918(int Id, string Name, int Value);
[SkaftinTable("t0919")] public sealed record Row0919(int Id, string Name, int Value);
[SkaftinTable("t0920")] public sealed record Row0920(int Id, string Name, int Value);
[SkaftinTable("t0921")] public sealed record Row0921(int Id, string Name, int Value);
[SkaftinTable("t0922")] public sealed record Row0922(int Id, string Name, int Value);
[SkaftinTable("t0923")] public sealed record Row0923(int Id, string Name, int Value);
[SkaftinTable("t0924")] public sealed record Row0924(int Id, string Name, int Value);
[SkaftinTable("t0925")] public sealed record Row0925(int Id, string Name, int Value);
[SkaftinTable("t0926")] public sealed record Row0926(int Id, string Name, int Value);
[SkaftinTable("t0927")] public sealed record Row0927(int Id, string Name, int Value);
[SkaftinTable("t0928")] public sealed record Row0928(int Id, string Name, int Value);
[SkaftinTable("t0929")] public sealed record Row0929(int Id, string Name, int Value);
[SkaftinTable("t0930")] public sealed record Row0930(int Id, string Name, int Value);
[SkaftinTable("t0931")] public sealed record Row0931(int Id, string Name, int Value);
[SkaftinTable("t0932")] public sealed record Row0932(int Id, string Name, int Value);
[SkaftinTable("t0933")] public sealed record Row0933(int Id, string Name, int Value);
[SkaftinTable("t0934")] public sealed record Row0934(int Id, string Name, int Value);
[SkaftinTable("t0935")] public sealed record Row0935(int Id, string Name, int Value);
[SkaftinTable("t0936")] public sealed record Row0936(int Id, string Name, int Value);
[SkaftinTable("t0937")] public sealed record Row0937(int Id, string Name, int Value);
[SkaftinTable("t0938")] public sealed record Row0938(int Id, string Name, int Value);
[SkaftinTable("t0939")] public sealed record Row0939(int Id, string Name, int Value);
[SkaftinTable("t0940")] public sealed record Row0940(int Id, string Name, int Value);
[SkaftinTable("t0941")] public sealed record Row0941(int Id, string Name, int Value);
[SkaftinTable("t0942")] public sealed record Row0942(int Id, string Name, int Value);
[SkaftinTable("t0943")] public sealed record Row0943(int Id, string Name, int Value);
[SkaftinTable("t0944")] public sealed record Row0944(int Id, string Name, int Value);
[SkaftinTable("t0945")] public sealed record Row0945(int Id, string Name, int Value);
[SkaftinTable("t0946")] public sealed record Row0946(int Id, string Name, int Value);
[SkaftinTable("t0947")] public sealed record Row0947(int Id, string Name, int Value);
[SkaftinTable("t0948")] public sealed record Row0948(int Id, string Name, int Value);
[SkaftinTable("t0949")] public sealed record Row0949(int Id, string Name, int Value);
[SkaftinTable("t0950")] public sealed record Row0950(int Id, string Name, int Value);
[SkaftinTable("t0951")] public sealed record Row0951(int Id, string Name, int Value);
[SkaftinTable("t0952")] public sealed record Row0952(int Id, string Name, int Value);
[SkaftinTable("t0953")] public sealed record Row0953(int Id, string Name, int Value);
[SkaftinTable("t0954")] public sealed record Row0954(int Id, string Name, int Value);
[SkaftinTable("t0955")] public sealed record Row0955(int Id, string Name, int Value);
[SkaftinTable("t0956")] public sealed record Row0956(int Id, string Name, int Value);
[SkaftinTable("t0957")] public sealed record Row0957(int Id, string Name, int Value);
[SkaftinTable("t0958")] public sealed record Row0958(int Id, string Name, int Value);
[SkaftinTable("t0959")] public sealed record Row0959(int Id, string Name, int Value);
[SkaftinTable("t0960")] public sealed record Row0960(int Id, string Name, int Value);
[SkaftinTable("t0961")] public sealed record Row0961(int Id, string Name, int Value);
[SkaftinTable("t0962")] public sealed record Row0962(int Id, string Name, int Value);
[SkaftinTable("t0963")] public sealed record Row0963(int Id, string Name, int Value);
[SkaftinTable("t0964")] public sealed record Row0964(int Id, string Name, int Value);
[SkaftinTable("t0965")] public sealed record Row0965(int Id, string Name, int Value);
[SkaftinTable("t0966")] public sealed record Row0966(int Id, string Name, int Value);
[SkaftinTable("t0967")] public sealed record Row0967(int Id, string Name, int Value);
[SkaftinTable("t0968")] public sealed record Row0968(int Id, string Name, int Value);
[SkaftinTable("t0969")] public sealed record Row0969(int Id, string Name, int Value);
[SkaftinTable("t0970")] public sealed record Row0970(int Id, string Name, int Value);
[SkaftinTable("t0971")] public sealed record Row0971(int Id, string Name, int Value);
[SkaftinTable("t0972")] public sealed record Row0972(int Id, string Name, int Value);
[SkaftinTable("t0973")] public sealed record Row0973(int Id, string Name, int Value);
[SkaftinTable("t0974")] public sealed record Row0974(int Id, string Name, int Value);
[SkaftinTable("t0975")] public sealed record Row0975(int Id, string Name, int Value);
[SkaftinTable("t0976")] public sealed record Row0976(int Id, string Name, int Value);
[SkaftinTable("t0977")] public sealed record Row0977(int Id, string Name, int Value);
[SkaftinTable("t0978")] public sealed record Row0978(int Id, string Name, int Value);
[SkaftinTable("t0979")] public sealed record Row0979(int Id, string Name, int Value);
[SkaftinTable("t0980")] public sealed record Row0980(int Id, string Name, int Value);
[SkaftinTable("t0981")] public sealed record Row0981(int Id, string Name, int Value);
[SkaftinTable("t0982")] public sealed record Row0982(int Id, string Name, int Value);
[SkaftinTable("t0983")] public sealed record Row0983(int Id, string Name, int Value);
[SkaftinTable("t0984")] public sealed record Row0984(int Id, string Name, int Value);
[SkaftinTable("t0985")] public sealed record Row0985(int Id, string Name, int Value);
[SkaftinTable("t0986")] public sealed record Row0986(int Id, string Name, int Value);
[SkaftinTable("t0987")] public sealed record Row0987(int Id, string Name, int Value);
[SkaftinTable("t0988")] public sealed record Row0988(int Id, string Name, int Value);
[SkaftinTable("t0989")] public sealed record Row0989(int Id, string Name, int Value);
[SkaftinTable("t0990")] public sealed record Row0990(int Id, string Name, int Value);
[SkaftinTable("t0991")] public sealed record Row0991(int Id, string Name, int Value);
[SkaftinTable("t0992")] public sealed record Row0992(int Id, string Name, int Value);
[SkaftinTable("t0993")] public sealed record Row0993(int Id, string Name, int Value);
[SkaftinTable("t0994")] public sealed record Row0994(int Id, string Name, int Value);
[SkaftinTable("t0995")] public sealed record Row0995(int Id, string Name, int Value);
[SkaftinTable("t0996")] public sealed record Row0996(int Id, string Name, int Value);
[SkaftinTable("t0997")] public sealed record Row0997(int Id, string Name, int Value);
[SkaftinTable("t0998")] public sealed record Row0998(int Id, string Name, int Value);
[SkaftinTable("t0999")] public sealed record Row0999(int Id, string Name, int Value);

public static class ScaleTables
{
    public const int Count = 1000;

    /// <summary>Each table's generated accessor (<c>router.T0042()</c>), in table order.</summary>
    public static readonly Func<ISkaftinRealtimeSource, RealtimeTableBase>[] Accessors =
    {
        static s => s.T0000(),
        static s => s.T0001(),
        static s => s.T0002(),
        static s => s.T0003(),
        static s => s.T0004(),
        static s => s.T0005(),
        static s => s.T0006(),
        static s => s.T0007(),
        static s => s.T0008(),
        static s => s.T0009(),
        static s => s.T0010(),
        static s => s.T0011(),
        static s => s.T0012(),
        static s => s.T0013(),
        static s => s.T0014(),
        static s => s.T0015(),
        static s => s.T0016(),
        static s => s.T0017(),
        static s => s.T0018(),
        static s => s.T0019(),
        static s => s.T0020(),
        static s => s.T0021(),
        static s => s.T0022(),
        static s => s.T0023(),
        static s => s.T0024(),
        static s => s.T0025(),
        static s => s.T0026(),
        static s => s.T0027(),
        static s => s.T0028(),
        static s => s.T0029(),
        static s => s.T0030(),
        static s => s.T0031(),
        static s => s.T0032(),
        static s => s.T0033(),
        static s => s.T0034(),
        static s => s.T0035(),
        static s => s.T0036(),
        static s => s.T0037(),
        static s => s.T0038(),
        static s => s.T0039(),
        static s => s.T0040(),
        static s => s.T0041(),
        static s => s.T0042(),
        static s => s.T0043(),
        static s => s.T0044(),
        static s => s.T0045(),
        static s => s.T0046(),
        static s => s.T0047(),
        static s => s.T0048(),
        static s => s.T0049(),
        static s => s.T0050(),
        static s => s.T0051(),
        static s => s.T0052(),
        static s => s.T0053(),
        static s => s.T0054(),
        static s => s.T0055(),
        static s => s.T0056(),
        static s => s.T0057(),
        static s => s.T0058(),
        static s => s.T0059(),
        static s => s.T0060(),
        static s => s.T0061(),
        static s => s.T0062(),
        static s => s.T0063(),
        static s => s.T0064(),
        static s => s.T0065(),
        static s => s.T0066(),
        static s => s.T0067(),
        static s => s.T0068(),
        static s => s.T0069(),
        static s => s.T0070(),
        static s => s.T0071(),
        static s => s.T0072(),
        static s => s.T0073(),
        static s => s.T0074(),
        static s => s.T0075(),
        static s => s.T0076(),
        static s => s.T0077(),
        static s => s.T0078(),
        static s => s.T0079(),
        static s => s.T0080(),
        static s => s.T0081(),
        static s => s.T0082(),
        static s => s.T0083(),
        static s => s.T0084(),
        static s => s.T0085(),
        static s => s.T0086(),
        static s => s.T0087(),
        static s => s.T0088(),
        static s => s.T0089(),
        static s => s.T0090(),
        static s => s.T0091(),
        static s => s.T0092(),
        static s => s.T0093(),
        static s => s.T0094(),
        static s => s.T0095(),
        static s => s.T0096(),
        static s => s.T0097(),
        static s => s.T0098(),
        static s => s.T0099(),
        static s => s.T0100(),
        static s => s.T0101(),
        static s => s.T0102(),
        static s => s.T0103(),
        static s => s.T0104(),
        static s => s.T0105(),
        static s => s.T0106(),
        static s => s.T0107(),
        static s => s.T0108(),
        static s => s.T0109(),
        static s => s.T0110(),
        static s => s.T0111(),
        static s => s.T0112(),
        static s => s.T0113(),
        static s => s.T0114(),
        static s => s.T0115(),
        static s => s.T0116(),
        static s => s.T0117(),
        static s => s.T0118(),
        static s => s.T0119(),
        static s => s.T0120(),
        static s => s.T0121(),
        static s => s.T0122(),
        static s => s.T0123(),
        static s => s.T0124(),
        static s => s.T0125(),
        static s => s.T0126(),
        static s => s.T0127(),
        static s => s.T0128(),
        static s => s.T0129(),
        static s => s.T0130(),
        static s => s.T0131(),
        static s => s.T0132(),
        static s => s.T0133(),
        static s => s.T0134(),
        static s => s.T0135(),
        static s => s.T0136(),
        static s => s.T0137(),
        static s => s.T0138(),
        static s => s.T0139(),
        static s => s.T0140(),
        static s => s.T0141(),
        static s => s.T0142(),
        static s => s.T0143(),
        static s => s.T0144(),
        static s => s.T0145(),
        static s => s.T0146(),
        static s => s.T0147(),
        static s => s.T0148(),
        static s => s.T0149(),
        static s => s.T0150(),
        static s => s.T0151(),
        static s => s.T0152(),
        static s => s.T0153(),
        static s => s.T0154(),
        static s => s.T0155(),
        static s => s.T0156(),
        static s => s.T0157(),
        static s => s.T0158(),
        static s => s.T0159(),
        static s => s.T0160(),
        static s => s.T0161(),
        static s => s.T0162(),
        static s => s.T0163(),
        static s => s.T0164(),
        static s => s.T0165(),
        static s => s.T0166(),
        static s => s.T0167(),
        static s => s.T0168(),
        static s => s.T0169(),
        static s => s.T0170(),
        static s => s.T0171(),
        static s => s.T0172(),
        static s => s.T0173(),
        static s => s.T0174(),
        static s => s.T0175(),
        static s => s.T0176(),
        static s => s.T0177(),
        static s => s.T0178(),
        static s => s.T0179(),
        static s => s.T0180(),
        static s => s.T0181(),
        static s => s.T0182(),
        static s => s.T0183(),
        static s => s.T0184(),
        static s => s.T0185(),
        static s => s.T0186(),
        static s => s.T0187(),
        static s => s.T0188(),
        static s => s.T0189(),
        static s => s.T0190(),
        static s => s.T0191(),
        static s => s.T0192(),
        static s => s.T0193(),
        static s => s.T0194(),
        static s => s.T0195(),
        static s => s.T0196(),
        static s => s.T0197(),
        static s => s.T0198(),
        static s => s.T0199(),
        static s => s.T0200(),
        static s => s.T0201(),
        static s => s.T0202(),
        static s => s.T0203(),
        static s => s.T0204(),
        static s => s.T0205(),
        static s => s.T0206(),
        static s => s.T0207(),
        static s => s.T0208(),
        static s => s.T0209(),
        static s => s.T0210(),
        static s => s.T0211(),
        static s => s.T0212(),
        static s => s.T0213(),
        static s => s.T0214(),
        static s => s.T0215(),
        static s => s.T0216(),
        static s => s.T0217(),
        static s => s.T0218(),
        static s => s.T0219(),
        static s => s.T0220(),
        static s => s.T0221(),
        static s => s.T0222(),
        static s => s.T0223(),
        static s => s.T0224(),
        static s => s.T0225(),
        static s => s.T0226(),
        static s => s.T0227(),
        static s => s.T0228(),
        static s => s.T0229(),
        static s => s.T0230(),
        static s => s.T0231(),
        static s => s.T0232(),
        static s => s.T0233(),
        static s => s.T0234(),
        static s => s.T0235(),
        static s => s.T0236(),
        static s => s.T0237(),
        static s => s.T0238(),
        static s => s.T0239(),
        static s => s.T0240(),
        static s => s.T0241(),
        static s => s.T0242(),
        static s => s.T0243(),
        static s => s.T0244(),
        static s => s.T0245(),
        static s => s.T0246(),
        static s => s.T0247(),
        static s => s.T0248(),
        static s => s.T0249(),
        static s => s.T0250(),
        static s => s.T0251(),
        static s => s.T0252(),
        static s => s.T0253(),
        static s => s.T0254(),
        static s => s.T0255(),
        static s => s.T0256(),
        static s => s.T0257(),
        static s => s.T0258(),
        static s => s.T0259(),
        static s => s.T0260(),
        static s => s.T0261(),
        static s => s.T0262(),
        static s => s.T0263(),
        static s => s.T0264(),
        static s => s.T0265(),
        static s => s.T0266(),
        static s => s.T0267(),
        static s => s.T0268(),
        static s => s.T0269(),
        static s => s.T0270(),
        static s => s.T0271(),
        static s => s.T0272(),
        static s => s.T0273(),
        static s => s.T0274(),
        static s => s.T0275(),
        static s => s.T0276(),
        static s => s.T0277(),
        static s => s.T0278(),
        static s => s.T0279(),
        static s => s.T0280(),
        static s => s.T0281(),
        static s => s.T0282(),
        static s => s.T0283(),
        static s => s.T0284(),
        static s => s.T0285(),
        static s => s.T0286(),
        static s => s.T0287(),
        static s => s.T0288(),
        static s => s.T0289(),
        static s => s.T0290(),
        static s => s.T0291(),
        static s => s.T0292(),
        static s => s.T0293(),
        static s => s.T0294(),
        static s => s.T0295(),
        static s => s.T0296(),
        static s => s.T0297(),
        static s => s.T0298(),
        static s => s.T0299(),
        static s => s.T0300(),
        static s => s.T0301(),
        static s => s.T0302(),
        static s => s.T0303(),
        static s => s.T0304(),
        static s => s.T0305(),
        static s => s.T0306(),
        static s => s.T0307(),
        static s => s.T0308(),
        static s => s.T0309(),
        static s => s.T0310(),
        static s => s.T0311(),
        static s => s.T0312(),
        static s => s.T0313(),
        static s => s.T0314(),
        static s => s.T0315(),
        static s => s.T0316(),
        static s => s.T0317(),
        static s => s.T0318(),
        static s => s.T0319(),
        static s => s.T0320(),
        static s => s.T0321(),
        static s => s.T0322(),
        static s => s.T0323(),
        static s => s.T0324(),
        static s => s.T0325(),
        static s => s.T0326(),
        static s => s.T0327(),
        static s => s.T0328(),
        static s => s.T0329(),
        static s => s.T0330(),
        static s => s.T0331(),
        static s => s.T0332(),
        static s => s.T0333(),
        static s => s.T0334(),
        static s => s.T0335(),
        static s => s.T0336(),
        static s => s.T0337(),
        static s => s.T0338(),
        static s => s.T0339(),
        static s => s.T0340(),
        static s => s.T0341(),
        static s => s.T0342(),
        static s => s.T0343(),
        static s => s.T0344(),
        static s => s.T0345(),
        static s => s.T0346(),
        static s => s.T0347(),
        static s => s.T0348(),
        static s => s.T0349(),
        static s => s.T0350(),
        static s => s.T0351(),
        static s => s.T0352(),
        static s => s.T0353(),
        static s => s.T0354(),
        static s => s.T0355(),
        static s => s.T0356(),
        static s => s.T0357(),
        static s => s.T0358(),
        static s => s.T0359(),
        static s => s.T0360(),
        static s => s.T0361(),
        static s => s.T0362(),
        static s => s.T0363(),
        static s => s.T0364(),
        static s => s.T0365(),
        static s => s.T0366(),
        static s => s.T0367(),
        static s => s.T0368(),
        static s => s.T0369(),
        static s => s.T0370(),
        static s => s.T0371(),
        static s => s.T0372(),
        static s => s.T0373(),
        static s => s.T0374(),
        static s => s.T0375(),
        static s => s.T0376(),
        static s => s.T0377(),
        static s => s.T0378(),
        static s => s.T0379(),
        static s => s.T0380(),
        static s => s.T0381(),
        static s => s.T0382(),
        static s => s.T0383(),
        static s => s.T0384(),
        static s => s.T0385(),
        static s => s.T0386(),
        static s => s.T0387(),
        static s => s.T0388(),
        static s => s.T0389(),
        static s => s.T0390(),
        static s => s.T0391(),
        static s => s.T0392(),
        static s => s.T0393(),
        static s => s.T0394(),
        static s => s.T0395(),
        static s => s.T0396(),
        static s => s.T0397(),
        static s => s.T0398(),
        static s => s.T0399(),
        static s => s.T0400(),
        static s => s.T0401(),
        static s => s.T0402(),
        static s => s.T0403(),
        static s => s.T0404(),
        static s => s.T0405(),
        static s => s.T0406(),
        static s => s.T0407(),
        static s => s.T0408(),
        static s => s.T0409(),
        static s => s.T0410(),
        static s => s.T0411(),
        static s => s.T0412(),
        static s => s.T0413(),
        static s => s.T0414(),
        static s => s.T0415(),
        static s => s.T0416(),
        static s => s.T0417(),
        static s => s.T0418(),
        static s => s.T0419(),
        static s => s.T0420(),
        static s => s.T0421(),
        static s => s.T0422(),
        static s => s.T0423(),
        static s => s.T0424(),
        static s => s.T0425(),
        static s => s.T0426(),
        static s => s.T0427(),
        static s => s.T0428(),
        static s => s.T0429(),
        static s => s.T0430(),
        static s => s.T0431(),
        static s => s.T0432(),
        static s => s.T0433(),
        static s => s.T0434(),
        static s => s.T0435(),
        static s => s.T0436(),
        static s => s.T0437(),
        static s => s.T0438(),
        static s => s.T0439(),
        static s => s.T0440(),
        static s => s.T0441(),
        static s => s.T0442(),
        static s => s.T0443(),
        static s => s.T0444(),
        static s => s.T0445(),
        static s => s.T0446(),
        static s => s.T0447(),
        static s => s.T0448(),
        static s => s.T0449(),
        static s => s.T0450(),
        static s => s.T0451(),
        static s => s.T0452(),
        static s => s.T0453(),
        static s => s.T0454(),
        static s => s.T0455(),
        static s => s.T0456(),
        static s => s.T0457(),
        static s => s.T0458(),
        static s => s.T0459(),
        static s => s.T0460(),
        static s => s.T0461(),
        static s => s.T0462(),
        static s => s.T0463(),
        static s => s.T0464(),
        static s => s.T0465(),
        static s => s.T0466(),
        static s => s.T0467(),
        static s => s.T0468(),
        static s => s.T0469(),
        static s => s.T0470(),
        static s => s.T0471(),
        static s => s.T0472(),
        static s => s.T0473(),
        static s => s.T0474(),
        static s => s.T0475(),
        static s => s.T0476(),
        static s => s.T0477(),
        static s => s.T0478(),
        static s => s.T0479(),
        static s => s.T0480(),
        static s => s.T0481(),
        static s => s.T0482(),
        static s => s.T0483(),
        static s => s.T0484(),
        static s => s.T0485(),
        static s => s.T0486(),
        static s => s.T0487(),
        static s => s.T0488(),
        static s => s.T0489(),
        static s => s.T0490(),
        static s => s.T0491(),
        static s => s.T0492(),
        static s => s.T0493(),
        static s => s.T0494(),
        static s => s.T0495(),
        static s => s.T0496(),
        static s => s.T0497(),
        static s => s.T0498(),
        static s => s.T0499(),
        static s => s.T0500(),
        static s => s.T0501(),
        static s => s.T0502(),
        static s => s.T0503(),
        static s => s.T0504(),
        static s => s.T0505(),
        static s => s.T0506(),
        static s => s.T0507(),
        static s => s.T0508(),
        static s => s.T0509(),
        static s => s.T0510(),
        static s => s.T0511(),
        static s => s.T0512(),
        static s => s.T0513(),
        static s => s.T0514(),
        static s => s.T0515(),
        static s => s.T0516(),
        static s => s.T0517(),
        static s => s.T0518(),
        static s => s.T0519(),
        static s => s.T0520(),
        static s => s.T0521(),
        static s => s.T0522(),
        static s => s.T0523(),
        static s => s.T0524(),
        static s => s.T0525(),
        static s => s.T0526(),
        static s => s.T0527(),
        static s => s.T0528(),
        static s => s.T0529(),
        static s => s.T0530(),
        static s => s.T0531(),
        static s => s.T0532(),
        static s => s.T0533(),
        static s => s.T0534(),
        static s => s.T0535(),
        static s => s.T0536(),
        static s => s.T0537(),
        static s => s.T0538(),
        static s => s.T0539(),
        static s => s.T0540(),
        static s => s.T0541(),
        static s => s.T0542(),
        static s => s.T0543(),
        static s => s.T0544(),
        static s => s.T0545(),
        static s => s.T0546(),
        static s => s.T0547(),
        static s => s.T0548(),
        static s => s.T0549(),
        static s => s.T0550(),
        static s => s.T0551(),
        static s => s.T0552(),
        static s => s.T0553(),
        static s => s.T0554(),
        static s => s.T0555(),
        static s => s.T0556(),
        static s => s.T0557(),
        static s => s.T0558(),
        static s => s.T0559(),
        static s => s.T0560(),
        static s => s.T0561(),
        static s => s.T0562(),
        static s => s.T0563(),
        static s => s.T0564(),
        static s => s.T0565(),
        static s => s.T0566(),
        static s => s.T0567(),
        static s => s.T0568(),
        static s => s.T0569(),
        static s => s.T0570(),
        static s => s.T0571(),
        static s => s.T0572(),
        static s => s.T0573(),
        static s => s.T0574(),
        static s => s.T0575(),
        static s => s.T0576(),
        static s => s.T0577(),
        static s => s.T0578(),
        static s => s.T0579(),
        static s => s.T0580(),
        static s => s.T0581(),
        static s => s.T0582(),
        static s => s.T0583(),
        static s => s.T0584(),
        static s => s.T0585(),
        static s => s.T0586(),
        static s => s.T0587(),
        static s => s.T0588(),
        static s => s.T0589(),
        static s => s.T0590(),
        static s => s.T0591(),
        static s => s.T0592(),
        static s => s.T0593(),
        static s => s.T0594(),
        static s => s.T0595(),
        static s => s.T0596(),
        static s => s.T0597(),
        static s => s.T0598(),
        static s => s.T0599(),
        static s => s.T0600(),
        static s => s.T0601(),
        static s => s.T0602(),
        static s => s.T0603(),
        static s => s.T0604(),
        static s => s.T0605(),
        static s => s.T0606(),
        static s => s.T0607(),
        static s => s.T0608(),
        static s => s.T0609(),
        static s => s.T0610(),
        static s => s.T0611(),
        static s => s.T0612(),
        static s => s.T0613(),
        static s => s.T0614(),
        static s => s.T0615(),
        static s => s.T0616(),
        static s => s.T0617(),
        static s => s.T0618(),
        static s => s.T0619(),
        static s => s.T0620(),
        static s => s.T0621(),
        static s => s.T0622(),
        static s => s.T0623(),
        static s => s.T0624(),
        static s => s.T0625(),
        static s => s.T0626(),
        static s => s.T0627(),
        static s => s.T0628(),
        static s => s.T0629(),
        static s => s.T0630(),
        static s => s.T0631(),
        static s => s.T0632(),
        static s => s.T0633(),
        static s => s.T0634(),
        static s => s.T0635(),
        static s => s.T0636(),
        static s => s.T0637(),
        static s => s.T0638(),
        static s => s.T0639(),
        static s => s.T0640(),
        static s => s.T0641(),
        static s => s.T0642(),
        static s => s.T0643(),
        static s => s.T0644(),
        static s => s.T0645(),
        static s => s.T0646(),
        static s => s.T0647(),
        static s => s.T0648(),
        static s => s.T0649(),
        static s => s.T0650(),
        static s => s.T0651(),
        static s => s.T0652(),
        static s => s.T0653(),
        static s => s.T0654(),
        static s => s.T0655(),
        static s => s.T0656(),
        static s => s.T0657(),
        static s => s.T0658(),
        static s => s.T0659(),
        static s => s.T0660(),
        static s => s.T0661(),
        static s => s.T0662(),
        static s => s.T0663(),
        static s => s.T0664(),
        static s => s.T0665(),
        static s => s.T0666(),
        static s => s.T0667(),
        static s => s.T0668(),
        static s => s.T0669(),
        static s => s.T0670(),
        static s => s.T0671(),
        static s => s.T0672(),
        static s => s.T0673(),
        static s => s.T0674(),
        static s => s.T0675(),
        static s => s.T0676(),
        static s => s.T0677(),
        static s => s.T0678(),
        static s => s.T0679(),
        static s => s.T0680(),
        static s => s.T0681(),
        static s => s.T0682(),
        static s => s.T0683(),
        static s => s.T0684(),
        static s => s.T0685(),
        static s => s.T0686(),
        static s => s.T0687(),
        static s => s.T0688(),
        static s => s.T0689(),
        static s => s.T0690(),
        static s => s.T0691(),
        static s => s.T0692(),
        static s => s.T0693(),
        static s => s.T0694(),
        static s => s.T0695(),
        static s => s.T0696(),
        static s => s.T0697(),
        static s => s.T0698(),
        static s => s.T0699(),
        static s => s.T0700(),
        static s => s.T0701(),
        static s => s.T0702(),
        static s => s.T0703(),
        static s => s.T0704(),
        static s => s.T0705(),
        static s => s.T0706(),
        static s => s.T0707(),
        static s => s.T0708(),
        static s => s.T0709(),
        static s => s.T0710(),
        static s => s.T0711(),
        static s => s.T0712(),
        static s => s.T0713(),
        static s => s.T0714(),
        static s => s.T0715(),
        static s => s.T0716(),
        static s => s.T0717(),
        static s => s.T0718(),
        static s => s.T0719(),
        static s => s.T0720(),
        static s => s.T0721(),
        static s => s.T0722(),
        static s => s.T0723(),
        static s => s.T0724(),
        static s => s.T0725(),
        static s => s.T0726(),
        static s => s.T0727(),
        static s => s.T0728(),
        static s => s.T0729(),
        static s => s.T0730(),
        static s => s.T0731(),
        static s => s.T0732(),
        static s => s.T0733(),
        static s => s.T0734(),
        static s => s.T0735(),
        static s => s.T0736(),
        static s => s.T0737(),
        static s => s.T0738(),
        static s => s.T0739(),
        static s => s.T0740(),
        static s => s.T0741(),
        static s => s.T0742(),
        static s => s.T0743(),
        static s => s.T0744(),
        static s => s.T0745(),
        static s => s.T0746(),
        static s => s.T0747(),
        static s => s.T0748(),
        static s => s.T0749(),
        static s => s.T0750(),
        static s => s.T0751(),
        static s => s.T0752(),
        static s => s.T0753(),
        static s => s.T0754(),
        static s => s.T0755(),
        static s => s.T0756(),
        static s => s.T0757(),
        static s => s.T0758(),
        static s => s.T0759(),
        static s => s.T0760(),
        static s => s.T0761(),
        static s => s.T0762(),
        static s => s.T0763(),
        static s => s.T0764(),
        static s => s.T0765(),
        static s => s.T0766(),
        static s => s.T0767(),
        static s => s.T0768(),
        static s => s.T0769(),
        static s => s.T0770(),
        static s => s.T0771(),
        static s => s.T0772(),
        static s => s.T0773(),
        static s => s.T0774(),
        static s => s.T0775(),
        static s => s.T0776(),
        static s => s.T0777(),
        static s => s.T0778(),
        static s => s.T0779(),
        static s => s.T0780(),
        static s => s.T0781(),
        static s => s.T0782(),
        static s => s.T0783(),
        static s => s.T0784(),
        static s => s.T0785(),
        static s => s.T0786(),
        static s => s.T0787(),
        static s => s.T0788(),
        static s => s.T0789(),
        static s => s.T0790(),
        static s => s.T0791(),
        static s => s.T0792(),
        static s => s.T0793(),
        static s => s.T0794(),
        static s => s.T0795(),
        static s => s.T0796(),
        static s => s.T0797(),
        static s => s.T0798(),
        static s => s.T0799(),
        static s => s.T0800(),
        static s => s.T0801(),
        static s => s.T0802(),
        static s => s.T0803(),
        static s => s.T0804(),
        static s => s.T0805(),
        static s => s.T0806(),
        static s => s.T0807(),
        static s => s.T0808(),
        static s => s.T0809(),
        static s => s.T0810(),
        static s => s.T0811(),
        static s => s.T0812(),
        static s => s.T0813(),
        static s => s.T0814(),
        static s => s.T0815(),
        static s => s.T0816(),
        static s => s.T0817(),
        static s => s.T0818(),
        static s => s.T0819(),
        static s => s.T0820(),
        static s => s.T0821(),
        static s => s.T0822(),
        static s => s.T0823(),
        static s => s.T0824(),
        static s => s.T0825(),
        static s => s.T0826(),
        static s => s.T0827(),
        static s => s.T0828(),
        static s => s.T0829(),
        static s => s.T0830(),
        static s => s.T0831(),
        static s => s.T0832(),
        static s => s.T0833(),
        static s => s.T0834(),
        static s => s.T0835(),
        static s => s.T0836(),
        static s => s.T0837(),
        static s => s.T0838(),
        static s => s.T0839(),
        static s => s.T0840(),
        static s => s.T0841(),
        static s => s.T0842(),
        static s => s.T0843(),
        static s => s.T0844(),
        static s => s.T0845(),
        static s => s.T0846(),
        static s => s.T0847(),
        static s => s.T0848(),
        static s => s.T0849(),
        static s => s.T0850(),
        static s => s.T0851(),
        static s => s.T0852(),
        static s => s.T0853(),
        static s => s.T0854(),
        static s => s.T0855(),
        static s => s.T0856(),
        static s => s.T0857(),
        static s => s.T0858(),
        static s => s.T0859(),
        static s => s.T0860(),
        static s => s.T0861(),
        static s => s.T0862(),
        static s => s.T0863(),
        static s => s.T0864(),
        static s => s.T0865(),
        static s => s.T0866(),
        static s => s.T0867(),
        static s => s.T0868(),
        static s => s.T0869(),
        static s => s.T0870(),
        static s => s.T0871(),
        static s => s.T0872(),
        static s => s.T0873(),
        static s => s.T0874(),
        static s => s.T0875(),
        static s => s.T0876(),
        static s => s.T0877(),
        static s => s.T0878(),
        static s => s.T0879(),
        static s => s.T0880(),
        static s => s.T0881(),
        static s => s.T0882(),
        static s => s.T0883(),
        static s => s.T0884(),
        static s => s.T0885(),
        static s => s.T0886(),
        static s => s.T0887(),
        static s => s.T0888(),
        static s => s.T0889(),
        static s => s.T0890(),
        static s => s.T0891(),
        static s => s.T0892(),
        static s => s.T0893(),
        static s => s.T0894(),
        static s => s.T0895(),
        static s => s.T0896(),
        static s => s.T0897(),
        static s => s.T0898(),
        static s => s.T0899(),
        static s => s.T0900(),
        static s => s.T0901(),
        static s => s.T0902(),
        static s => s.T0903(),
        static s => s.T0904(),
        static s => s.T0905(),
        static s => s.T0906(),
        static s => s.T0907(),
        static s => s.T0908(),
        static s => s.T0909(),
        static s => s.T0910(),
        static s => s.T0911(),
        static s => s.T0912(),
        static s => s.T0913(),
        static s => s.T0914(),
        static s => s.T0915(),
        static s => s.T0916(),
        static s => s.T0917(),
        static s => s.T0918(),
        static s => s.T0919(),
        static s => s.T0920(),
        static s => s.T0921(),
        static s => s.T0922(),
        static s => s.T0923(),
        static s => s.T0924(),
        static s => s.T0925(),
        static s => s.T0926(),
        static s => s.T0927(),
        static s => s.T0928(),
        static s => s.T0929(),
        static s => s.T0930(),
        static s => s.T0931(),
        static s => s.T0932(),
        static s => s.T0933(),
        static s => s.T0934(),
        static s => s.T0935(),
        static s => s.T0936(),
        static s => s.T0937(),
        static s => s.T0938(),
        static s => s.T0939(),
        static s => s.T0940(),
        static s => s.T0941(),
        static s => s.T0942(),
        static s => s.T0943(),
        static s => s.T0944(),
        static s => s.T0945(),
        static s => s.T0946(),
        static s => s.T0947(),
        static s => s.T0948(),
        static s => s.T0949(),
        static s => s.T0950(),
        static s => s.T0951(),
        static s => s.T0952(),
        static s => s.T0953(),
        static s => s.T0954(),
        static s => s.T0955(),
        static s => s.T0956(),
        static s => s.T0957(),
        static s => s.T0958(),
        static s => s.T0959(),
        static s => s.T0960(),
        static s => s.T0961(),
        static s => s.T0962(),
        static s => s.T0963(),
        static s => s.T0964(),
        static s => s.T0965(),
        static s => s.T0966(),
        static s => s.T0967(),
        static s => s.T0968(),
        static s => s.T0969(),
        static s => s.T0970(),
        static s => s.T0971(),
        static s => s.T0972(),
        static s => s.T0973(),
        static s => s.T0974(),
        static s => s.T0975(),
        static s => s.T0976(),
        static s => s.T0977(),
        static s => s.T0978(),
        static s => s.T0979(),
        static s => s.T0980(),
        static s => s.T0981(),
        static s => s.T0982(),
        static s => s.T0983(),
        static s => s.T0984(),
        static s => s.T0985(),
        static s => s.T0986(),
        static s => s.T0987(),
        static s => s.T0988(),
        static s => s.T0989(),
        static s => s.T0990(),
        static s => s.T0991(),
        static s => s.T0992(),
        static s => s.T0993(),
        static s => s.T0994(),
        static s => s.T0995(),
        static s => s.T0996(),
        static s => s.T0997(),
        static s => s.T0998(),
        static s => s.T0999(),
    };
}
